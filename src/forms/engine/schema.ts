import * as v from 'valibot';
import { registerRequestType, requestType } from '../registry.ts';
import type { Answers, FormDefinition } from './types.ts';
import { validatePayload } from './validate.ts';

/**
 * The valibot schema of a form's data, derived from its definition: a plain object checked by
 * the engine's rules (validate.ts). The server applies it to the decrypted payload through the
 * registry, so app and server cannot disagree; each issue carries the field's path and the
 * engine's error code as its message (registry.ts reports that code).
 */
export function formSchema(form: FormDefinition): v.GenericSchema<unknown, Answers> {
  return v.pipe(
    v.record(v.string(), v.unknown()),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const error of validatePayload(form, dataset.value)) {
        addIssue({ message: error.code, path: pathItems(dataset.value, error.path) });
      }
    }),
  );
}

type PathItem = NonNullable<Parameters<Parameters<typeof v.rawCheck>[0]>[0]['addIssue'] extends (i: infer I) => void ? I : never>['path'];

/** valibot's path items for a dotted path, so that v.getDotPath() gives it back. */
function pathItems(root: unknown, path: string): PathItem {
  const items: { type: 'object' | 'array'; origin: 'value'; input: unknown; key: string | number; value: unknown }[] = [];
  let input = root as Record<string | number, unknown> | undefined;
  for (const segment of path.split('.')) {
    const isIndex = Array.isArray(input) && /^\d+$/.test(segment);
    const key = isIndex ? Number(segment) : segment;
    const value = input?.[key];
    items.push({ type: isIndex ? 'array' : 'object', origin: 'value', input, key, value });
    input = value as Record<string | number, unknown> | undefined;
  }
  return items as unknown as PathItem;
}

/**
 * Registers every version of a form. Pass all shipped definitions (oldest first): a shipped
 * version is never edited, so an envelope queued by an older app still validates on the server.
 */
export function registerForm(...versions: FormDefinition[]): void {
  const current = versions.at(-1);
  if (!current) throw new Error('forms.registerForm: no definition');
  const existing = requestType(current.type);
  const schemas: Record<number, v.GenericSchema> = { ...existing?.versions };
  for (const form of versions) {
    if (form.type !== current.type) throw new Error(`forms.registerForm: ${form.type} is not ${current.type}`);
    schemas[form.schemaVersion] = formSchema(form);
  }
  registerRequestType({ type: current.type, versions: schemas, current: current.schemaVersion });
}
