import * as v from 'valibot';
import type { FieldError } from '#contract/v1.ts';
import { hostileInputErrors } from './engine/hostile-input.ts';

/**
 * Every request type the devices may queue, by type and schema version. The app validates
 * before it queues and the server validates the decrypted payload with the same schema, so the
 * two can never disagree. A schema version is never edited once shipped: an envelope queued by an
 * older app must still validate after the form changes. Add a new version instead.
 */
export interface RequestType {
  type: string;
  /** schemaVersion → schema of the payload's `data`. */
  versions: Record<number, v.GenericSchema>;
  current: number;
}

const registry = new Map<string, RequestType>();

export function registerRequestType(t: RequestType): void {
  if (!t.versions[t.current]) throw new Error(`forms.register: ${t.type} has no schema v${t.current}`);
  registry.set(t.type, t);
}

export function requestType(type: string): RequestType | undefined {
  return registry.get(type);
}

export function requestTypes(): string[] {
  return [...registry.keys()];
}

export type Validation =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** Validates a payload's data against its type and version; unknown types and versions are invalid. */
export function validateRequest(type: string, schemaVersion: number, data: unknown): Validation {
  const t = registry.get(type);
  if (!t) return { ok: false, errors: [{ path: 'type', code: 'unknown_type' }] };
  const schema = t.versions[schemaVersion];
  if (!schema) return { ok: false, errors: [{ path: 'schemaVersion', code: 'unknown_version' }] };
  const hostile = hostileInputErrors(data);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, data: result.output as Record<string, unknown> };
  return {
    ok: false,
    errors: result.issues.map((i) => ({
      path: v.getDotPath(i) ?? '',
      // The form engine's checks (engine/schema.ts) carry their error code as the message.
      code: i.type === 'raw_check' ? i.message : i.type,
    })),
  };
}
