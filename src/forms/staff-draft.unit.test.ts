import { describe, expect, it } from 'vitest';
import './index.ts';
import { requestTypeRegistry, validateRequest } from './registry.ts';
import { STAFF_DRAFT_TYPE } from './staff-draft.ts';
import { seal } from '#outbox/envelope.ts';
import { openEnvelope } from '#server/crypto/open-envelope.ts';

const data = {
  formId: 'home-visit',
  formVersion: 1,
  stepIndex: 2,
  savedAt: '2026-11-23T10:00:00.000Z',
  staffUsername: 'anna',
  // Partial: a home-visit without most of its required answers.
  answers: { name: 'Karen Hansen', witnessCpr: '2411081234' },
};

describe('staff-draft v1', () => {
  it('accepts a partial form as it was', () => {
    expect(validateRequest(STAFF_DRAFT_TYPE, 1, data)).toEqual({ ok: true, data });
    expect(validateRequest(STAFF_DRAFT_TYPE, 1, { ...data, answers: {} }).ok).toBe(true);
  });

  it.each([
    ['formId', { formId: 'x'.repeat(65) }],
    ['formId', { formId: '' }],
    ['formVersion', { formVersion: 1.5 }],
    ['stepIndex', { stepIndex: -1 }],
    ['savedAt', { savedAt: 'yesterday' }],
    ['staffUsername', { staffUsername: 'a'.repeat(101) }],
    ['answers', { answers: ['not', 'a', 'record'] }],
  ])('refuses a bad %s', (path, change) => {
    const result = validateRequest(STAFF_DRAFT_TYPE, 1, { ...data, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe(path);
  });

  it('refuses unknown keys and missing ones', () => {
    expect(validateRequest(STAFF_DRAFT_TYPE, 1, { ...data, extra: 1 }).ok).toBe(false);
    const { staffUsername: _s, ...rest } = data;
    expect(validateRequest(STAFF_DRAFT_TYPE, 1, rest).ok).toBe(false);
  });

  it('opens and validates on the server as a v1 envelope, assisted by the staff member', async () => {
    // The server decrypts the wrapped key (src/server/crypto), so its private key may decrypt.
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['encrypt', 'decrypt'],
    );
    const keys = { serverKey: { kid: 'k1', jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) }, privateKey: pair.privateKey };
    const payload = { type: STAFF_DRAFT_TYPE, schemaVersion: 1, reference: 'K7QM-3XRT-9PWA', createdAt: data.savedAt, assisted: true, assistedBy: 'anna', data };
    const envelope = await seal(payload, { id: crypto.randomUUID() }, keys.serverKey);
    expect(envelope).toMatchObject({ type: STAFF_DRAFT_TYPE, schemaVersion: 1, createdAt: data.savedAt });
    expect(await openEnvelope(envelope, keys.privateKey, requestTypeRegistry)).toEqual({ ok: true, payload });
  });
});
