import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const enroll = (body: unknown) => server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify(body) });

describe('device enrolment', () => {
  it('answers 201 with a device id, a token with its expiry and the server key as an RSA-OAEP-256 public JWK, and its P-256 key beside it', async () => {
    const r = await enroll({ code: ENROLLMENT_CODE, name: 'Kiosk ved indgangen', kind: 'kiosk' });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      serverKey: {
        kid: expect.any(String),
        jwk: expect.objectContaining({ kty: 'RSA', alg: 'RSA-OAEP-256', e: 'AQAB', key_ops: ['encrypt', 'wrapKey'] }),
        // Added: the key for the key-agreement envelope; older devices read kid and jwk only.
        ecdh: { kid: expect.any(String), jwk: { kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), ext: true } },
      },
      tokenExpiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(r.json.serverKey.ecdh.kid).not.toBe(r.json.serverKey.kid);
    const ec = await crypto.subtle.importKey('jwk', r.json.serverKey.ecdh.jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    expect(ec.type).toBe('public');
    // 3072-bit modulus: 384 bytes, 512 base64url characters.
    expect(r.json.serverKey.jwk.n).toHaveLength(512);
    expect(r.json.serverKey.jwk).not.toHaveProperty('d');
    const key = await crypto.subtle.importKey('jwk', r.json.serverKey.jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
    expect(key.type).toBe('public');
  });

  it('gives every device its own token but the same server key', async () => {
    const a = await enroll({ code: ENROLLMENT_CODE, name: 'A', kind: 'tablet' });
    const b = await enroll({ code: ENROLLMENT_CODE.toLowerCase(), name: 'B', kind: 'kiosk' });
    expect(a.json.token).not.toBe(b.json.token);
    expect(a.json.deviceId).not.toBe(b.json.deviceId);
    expect(a.json.serverKey).toEqual(b.json.serverKey);
  });

  it('answers 403 for a wrong code', async () => {
    const r = await enroll({ code: 'WRONG-CODE', name: 'K', kind: 'kiosk' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('wrong_enrollment_code');
  });

  it.each([
    ['no code', { name: 'K', kind: 'kiosk' }],
    ['an unknown kind', { code: ENROLLMENT_CODE, name: 'K', kind: 'phone' }],
    ['an empty name', { code: ENROLLMENT_CODE, name: '  ', kind: 'kiosk' }],
    ['a long name', { code: ENROLLMENT_CODE, name: 'K'.repeat(101), kind: 'kiosk' }],
  ])('answers 400 for %s, naming the field', async (_name, body) => {
    const r = await enroll(body);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.message).toMatch(/code|kind|name/);
  });

  it('keeps the server key across restarts (it lives in the database)', async () => {
    const before = (await enroll({ code: ENROLLMENT_CODE, name: 'K', kind: 'kiosk' })).json.serverKey;
    const again = await startTestServer({ dir: server.dir });
    try {
      const r = await again.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: ENROLLMENT_CODE, name: 'K', kind: 'kiosk' }) });
      expect(r.json.serverKey).toEqual(before);
    } finally {
      await again.close();
    }
  });
});
