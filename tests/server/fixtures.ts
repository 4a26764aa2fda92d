import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Envelope, SealedPayload, ServerKey } from '#contract/v1.ts';
import { registerRequestType, requestType } from '#forms/registry.ts';
import { seal } from './seal.ts';

/**
 * A request type registered only for these tests: the real ones arrive with the forms work
 * (src/forms/index.ts). Its schema rejects control characters like the real forms will.
 */
export const TEST_TYPE = 'test-note';
const printable = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[^\p{Cc}]*$/u));

export function registerTestRequestType(): void {
  if (requestType(TEST_TYPE)) return;
  registerRequestType({
    type: TEST_TYPE,
    current: 1,
    versions: { 1: v.object({ name: printable, message: v.pipe(v.string(), v.maxLength(2000)) }) },
  });
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A reference in the device's form (K7QM-3XRT-9PWA); the server checks its characters, not its check symbol. */
export function testReference(): string {
  const symbols = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => ALPHABET[b & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

export function testPayload(overrides: Partial<SealedPayload> = {}): SealedPayload {
  return {
    type: TEST_TYPE,
    schemaVersion: 1,
    reference: testReference(),
    createdAt: new Date().toISOString(),
    data: { name: 'Anne Jensen', message: 'Mit nøglekort er bortkommet.' },
    ...overrides,
  };
}

/** A valid envelope with a fresh id and reference; the payload is returned to compare with what staff read. */
export async function testEnvelope(serverKey: ServerKey, overrides: Partial<SealedPayload> = {}): Promise<{ envelope: Envelope; payload: SealedPayload }> {
  const payload = testPayload(overrides);
  return { envelope: await seal(payload, randomUUID(), serverKey), payload };
}
