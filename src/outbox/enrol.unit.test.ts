import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { outboxDb } from './db.ts';
import { readDevice } from './device.ts';
import { enrol, normalizeServerUrl, type EnrolInput } from './enrol.ts';
import { EnrolmentError } from './errors.ts';
import { onOutbox } from './events.ts';
import { submit } from './submit.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, type TestServerKeys } from './outbox.fixtures.ts';

let keys: TestServerKeys;
const input: EnrolInput = { serverUrl: '', code: ' 123456 ', name: ' Kiosk i forhallen ', kind: 'kiosk' };
const now = () => new Date('2025-03-01T12:00:00.000Z');

beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
afterEach(clearOutboxDb);

function server(respond: () => Response | Promise<Response>) {
  const requests: { url: string; body: unknown }[] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    return respond();
  };
  return { fetch, requests };
}

const enrolled = (): EnrollResponse => ({ deviceId: 'dev-7', token: 'secret-token', serverKey: keys.serverKey });

describe('enrol', () => {
  it('enrols with the code, name and kind, stores the token and server key, and asks for persistent storage', async () => {
    const { fetch, requests } = server(() => Response.json(enrolled(), { status: 201 }));
    const device = await enrol(input, { fetch, now, persist: async () => true });
    expect(requests).toEqual([{ url: '/api/v1/devices/enroll', body: { code: '123456', name: 'Kiosk i forhallen', kind: 'kiosk' } }]);
    expect(device).toEqual({
      deviceId: 'dev-7',
      token: 'secret-token',
      serverKey: keys.serverKey,
      serverUrl: '',
      name: 'Kiosk i forhallen',
      kind: 'kiosk',
      enrolledAt: '2025-03-01T12:00:00.000Z',
      persisted: true,
    });
    expect(await readDevice()).toEqual(device);
  });

  it('records that persistent storage was refused, and enrols anyway', async () => {
    const { fetch } = server(() => Response.json(enrolled(), { status: 201 }));
    expect((await enrol(input, { fetch, persist: async () => false })).persisted).toBe(false);
    expect((await enrol(input, { fetch, persist: () => Promise.reject(new Error('no')) })).persisted).toBe(false);
  });

  it('talks to another server when given its address', async () => {
    const { fetch, requests } = server(() => Response.json(enrolled(), { status: 201 }));
    const device = await enrol({ ...input, serverUrl: ' https://sync.aarhus.example/ ' }, { fetch, persist: async () => true });
    expect(requests[0].url).toBe('https://sync.aarhus.example/api/v1/devices/enroll');
    expect(device.serverUrl).toBe('https://sync.aarhus.example');
  });

  it.each([
    [401, 'wrong_code'],
    [403, 'wrong_code'],
    [400, 'invalid_input'],
    [429, 'rate_limited'],
    [404, 'not_a_server'],
    [500, 'server_error'],
    [418, 'bad_response'],
  ])('maps HTTP %i to %s and stores nothing', async (status, code) => {
    const { fetch } = server(() => Response.json({ error: { code: 'x', message: 'y' } }, { status }));
    await expect(enrol(input, { fetch })).rejects.toMatchObject({ name: 'EnrolmentError', code });
    expect(await readDevice()).toBeUndefined();
  });

  it.each([
    ['enrolment_code_expired', 'code_expired'],
    ['enrolment_code_revoked', 'code_revoked'],
    ['enrolment_code_used_up', 'code_used_up'],
    ['enrolment_code_wrong_kind', 'code_wrong_kind'],
    ['wrong_enrollment_code', 'wrong_code'],
  ])('says why the server refused a code (%s → %s)', async (serverCode, code) => {
    const { fetch } = server(() => Response.json({ error: { code: serverCode, message: 'm' } }, { status: 403 }));
    await expect(enrol(input, { fetch })).rejects.toMatchObject({ code });
  });

  it('says unreachable when there is no answer', async () => {
    const { fetch } = server(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(enrol(input, { fetch })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it.each([
    ['not JSON', () => new Response('<html></html>', { status: 201 })],
    ['no token', () => Response.json({ deviceId: 'd', serverKey: keys.serverKey }, { status: 201 })],
    ['a key that is not RSA', () => Response.json({ ...enrolled(), serverKey: { kid: 'k', jwk: { kty: 'oct', k: 'abc' } } }, { status: 201 })],
  ])('says bad_response for %s', async (_what, respond) => {
    const { fetch } = server(respond);
    await expect(enrol(input, { fetch })).rejects.toMatchObject({ code: 'bad_response' });
    expect(await readDevice()).toBeUndefined();
  });

  it('refuses empty fields and addresses that are not http(s) before asking anyone', async () => {
    const { fetch, requests } = server(() => Response.json(enrolled(), { status: 201 }));
    await expect(enrol({ ...input, code: '  ' }, { fetch })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(enrol({ ...input, name: '' }, { fetch })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(enrol({ ...input, serverUrl: 'sync.example' }, { fetch })).rejects.toMatchObject({ code: 'invalid_url' });
    await expect(enrol({ ...input, serverUrl: 'ftp://sync.example' }, { fetch })).rejects.toBeInstanceOf(EnrolmentError);
    expect(requests).toHaveLength(0);
  });

  it('on enrolling again, makes what waits in the queue due at once, for the new token', async () => {
    const { fetch } = server(() => Response.json(enrolled(), { status: 201 }));
    await enrol(input, { fetch, persist: async () => true });
    const { id } = await submit({ type: TEST_TYPE, data: { note: 'x' } });
    await outboxDb().outbox.update(id, { nextAttemptAt: Date.parse('2030-01-01'), lastError: { code: 'unauthorized', message: '' } });
    const events: string[] = [];
    const off = onOutbox('enrolled', ({ deviceId }) => events.push(deviceId));
    await enrol(input, { fetch, now, persist: async () => true });
    off();
    expect((await outboxDb().outbox.get(id))?.nextAttemptAt).toBe(now().getTime());
    expect((await outboxDb().outbox.get(id))?.lastError).toBeUndefined();
    expect(events).toEqual(['dev-7']);
  });
});

describe('normalizeServerUrl', () => {
  it('keeps "" for this origin and trims trailing slashes', () => {
    expect(normalizeServerUrl('  ')).toBe('');
    expect(normalizeServerUrl('http://localhost:8080//')).toBe('http://localhost:8080');
  });
});
