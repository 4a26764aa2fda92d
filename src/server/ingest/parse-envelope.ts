import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { envelopeKeyFieldErrors, envelopeSchema, type Envelope, type FieldError } from '#contract/v1.ts';

/**
 * The contract allows any 1–64 characters in a reference; the server is stricter about what it
 * will store and show to staff: letters and digits in groups (the device's "K7QM-3XRT-9PWA" form),
 * so no markup or control character ever reaches a staff screen or a CSV file.
 */
const REFERENCE_PATTERN = /^[A-Za-z0-9]+(?:[-_. ][A-Za-z0-9]+)*$/;

const storableEnvelopeSchema = v.object({
  ...envelopeSchema.entries,
  reference: v.pipe(envelopeSchema.entries.reference, v.regex(REFERENCE_PATTERN, 'reference must be letters and digits in groups')),
});

export type ParsedEnvelope =
  | { ok: true; envelope: Envelope; contentHash: string }
  /** id and reference as sent when they are short strings, else '': results go in request order, so position identifies the item. */
  | { ok: false; id: string; reference: string; errors: FieldError[] };

/** Identical envelopes hash alike; any changed byte in any field (a re-encryption too) hashes differently. */
export function envelopeContentHash(e: Envelope): string {
  const fields: unknown[] = [e.id, e.reference, e.type, e.schemaVersion, e.createdAt, e.kid, e.iv, e.wrappedKey, e.ciphertext];
  // A key-agreement envelope adds its scheme and ephemeral key; an RSA envelope hashes as it always did, so resends still match.
  if (e.alg !== undefined) fields.push(e.alg, e.epk);
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const echo = (value: unknown) => (typeof value === 'string' && value.length <= 128 ? value : '');

export function parseEnvelope(item: unknown): ParsedEnvelope {
  const result = v.safeParse(storableEnvelopeSchema, item);
  const raw = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  if (!result.success) return { ok: false, id: echo(raw.id), reference: echo(raw.reference), errors: result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', code: i.type })) };
  // An RSA envelope needs its wrapped key, a key-agreement envelope its ephemeral key, and neither both.
  const keyErrors = envelopeKeyFieldErrors(result.output);
  if (keyErrors.length > 0) return { ok: false, id: result.output.id, reference: result.output.reference, errors: keyErrors };
  return { ok: true, envelope: result.output, contentHash: envelopeContentHash(result.output) };
}
