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

export type Validation =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/**
 * A set of request types by name. The server is given one explicitly (src/server/request-types.ts
 * builds it from the form definitions); the app fills the shared one below by importing
 * src/forms/index.ts.
 */
export class RequestTypeRegistry {
  readonly #types = new Map<string, RequestType>();

  constructor(types: Iterable<RequestType> = []) {
    for (const t of types) this.register(t);
  }

  register(t: RequestType): void {
    if (!t.versions[t.current]) throw new Error(`forms.register: ${t.type} has no schema v${t.current}`);
    this.#types.set(t.type, t);
  }

  get(type: string): RequestType | undefined {
    return this.#types.get(type);
  }

  types(): string[] {
    return [...this.#types.keys()];
  }

  /** Validates a payload's data against its type and version; unknown types and versions are invalid. */
  validate(type: string, schemaVersion: number, data: unknown): Validation {
    const t = this.#types.get(type);
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
}

/** The app's registry: importing src/forms/index.ts fills it with every form. */
export const requestTypeRegistry = new RequestTypeRegistry();

export function registerRequestType(t: RequestType): void {
  requestTypeRegistry.register(t);
}

export function requestType(type: string): RequestType | undefined {
  return requestTypeRegistry.get(type);
}

export function requestTypes(): string[] {
  return requestTypeRegistry.types();
}

/** Validates a payload's data against its type and version in the app's registry. */
export function validateRequest(type: string, schemaVersion: number, data: unknown): Validation {
  return requestTypeRegistry.validate(type, schemaVersion, data);
}
