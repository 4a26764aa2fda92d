import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, ItemResult } from '#contract/v1.ts';
import { outboxDb } from './db.ts';
import { memoryLock } from './lock.ts';
import type { OutboxItem } from './records.ts';
import { submit } from './submit.ts';
import { syncOutbox, type SyncOptions } from './sync.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
let keys: TestServerKeys;

beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey)));
afterEach(clearOutboxDb);

async function queue(count: number, at = T0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await submit({ type: TEST_TYPE, data: { note: `note ${i}` } }, { now: () => new Date(at) })).id);
  return ids;
}

const items = () => outboxDb().outbox.toArray();
const item = async (id: string) => (await outboxDb().outbox.get(id)) as OutboxItem;

interface Call {
  url: string;
  headers: Headers;
  envelopes: Envelope[];
}

/**
 * A stand-in for the sync server. By default it stores what is new and answers duplicate for
 * what it has; `answer` may replace the whole response or decide one item's status.
 */
function fakeServer(
  options: {
    answer?: (envelopes: Envelope[], call: number) => Response | undefined;
    status?: (envelope: Envelope) => ItemResult['status'] | 'omit';
  } = {},
) {
  const calls: Call[] = [];
  const stored = new Set<string>();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const envelopes = (JSON.parse(String(init?.body)) as { submissions: Envelope[] }).submissions;
    calls.push({ url: String(input), headers: new Headers(init?.headers), envelopes });
    const response = options.answer?.(envelopes, calls.length);
    if (response) return response;
    const results: ItemResult[] = [];
    for (const e of envelopes) {
      const status = options.status?.(e) ?? (stored.has(e.id) ? 'duplicate' : 'stored');
      if (status === 'omit') continue;
      if (status === 'stored') stored.add(e.id);
      results.push({ id: e.id, reference: e.reference, status, ...(status === 'invalid' ? { errors: [{ path: 'note', code: 'min_length' }] } : {}) });
    }
    return Response.json({ results });
  };
  return { fetch, calls, stored };
}

const errorResponse = (status: number, headers: Record<string, string> = {}) =>
  Response.json({ error: { code: `e${status}`, message: `status ${status}` } }, { status, headers });

function run(fetch: typeof globalThis.fetch, options: SyncOptions = {}) {
  return syncOutbox({ fetch, now: () => T0 + 1, lock: memoryLock(), random: () => 0.5, ...options });
}

describe('syncOutbox', () => {
  it('posts the envelopes to the device’s server with its token', async () => {
    const [id] = await queue(1);
    const server = fakeServer();
    await run(server.fetch);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].url).toBe('https://sync.example/api/v1/submissions');
    expect(server.calls[0].headers.get('authorization')).toBe('Bearer token-1');
    expect(server.calls[0].headers.get('content-type')).toBe('application/json');
    expect(server.calls[0].envelopes.map((e) => e.id)).toEqual([id]);
  });

  it('marks stored and duplicate items stored and purges their ciphertext', async () => {
    const ids = await queue(3);
    const server = fakeServer({ status: (e) => (e.id === ids[2] ? 'duplicate' : 'stored') });
    const result = await run(server.fetch);
    expect(result).toEqual({ outcome: 'done', sent: 3, stored: 2, duplicate: 1, rejected: 0, retried: 0 });
    for (const i of await items()) {
      expect(i.status).toBe('stored');
      expect(i).not.toHaveProperty('envelope');
      expect(i.reference).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    }
  });

  it('keeps invalid and conflicting items as rejected, with the server’s errors and the ciphertext', async () => {
    const [bad, clash, good] = await queue(3);
    const server = fakeServer({ status: (e) => (e.id === bad ? 'invalid' : e.id === clash ? 'conflict' : 'stored') });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'done', stored: 1, rejected: 2 });
    expect(await item(bad)).toMatchObject({ status: 'rejected', rejectedAs: 'invalid', errors: [{ path: 'note', code: 'min_length' }] });
    expect((await item(bad)).envelope).toBeDefined();
    expect(await item(clash)).toMatchObject({ status: 'rejected', rejectedAs: 'conflict' });
    expect((await item(good)).status).toBe('stored');
    const again = fakeServer();
    await run(again.fetch);
    expect(again.calls).toHaveLength(0);
  });

  it.each([500, 502, 503, 408])('puts the batch back with backoff on HTTP %i and stops the round', async (status) => {
    await queue(150);
    const server = fakeServer({ answer: () => errorResponse(status) });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'server-unavailable', sent: 100, retried: 100 });
    expect(server.calls).toHaveLength(1);
    const retried = (await items()).filter((i) => i.attempts === 1);
    expect(retried).toHaveLength(100);
    for (const i of retried) {
      expect(i).toMatchObject({ status: 'queued', nextAttemptAt: T0 + 1 + 1000, lastError: { code: `e${status}` } });
      expect(i.envelope).toBeDefined();
    }
    expect((await items()).filter((i) => i.status === 'queued' && i.attempts === 0)).toHaveLength(50);
  });

  it('honours Retry-After on a 429, in seconds or as a date', async () => {
    const [first] = await queue(1);
    await run(fakeServer({ answer: () => errorResponse(429, { 'retry-after': '120' }) }).fetch);
    expect(await item(first)).toMatchObject({ status: 'queued', nextAttemptAt: T0 + 1 + 120_000, lastError: { code: 'e429' } });

    const date = new Date(T0 + 1 + 200_000).toUTCString();
    await run(fakeServer({ answer: () => errorResponse(429, { 'retry-after': date }) }).fetch, { now: () => T0 + 1 + 120_000 });
    expect((await item(first)).nextAttemptAt).toBeGreaterThanOrEqual(T0 + 1 + 200_000 - 1000);
    expect((await item(first)).attempts).toBe(2);
  });

  it('puts the batch back on a network error', async () => {
    const [id] = await queue(1);
    const result = await run(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result).toMatchObject({ outcome: 'network-error', retried: 1 });
    expect(await item(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'network', message: 'TypeError: Failed to fetch' } });
  });

  it('keeps everything queued when the token is refused (401), with the reason for staff', async () => {
    const ids = await queue(2);
    const server = fakeServer({ answer: () => errorResponse(401) });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'unauthorized', retried: 2 });
    for (const id of ids) expect(await item(id)).toMatchObject({ status: 'queued', lastError: { code: 'unauthorized' } });
    expect((await item(ids[0])).envelope).toBeDefined();
  });

  it('sends 250 queued items in batches of at most 100', async () => {
    await queue(250);
    const server = fakeServer();
    const result = await run(server.fetch);
    expect(server.calls.map((c) => c.envelopes.length)).toEqual([100, 100, 50]);
    expect(result).toMatchObject({ outcome: 'done', stored: 250 });
    expect(server.stored.size).toBe(250);
  });

  it('puts the batch claimed ahead back untouched when the round stops: no attempt counted for what was never sent', async () => {
    const ids = await queue(250);
    const server = fakeServer({ answer: () => errorResponse(503) });
    const result = await run(server.fetch);
    expect(server.calls.map((c) => c.envelopes.length)).toEqual([100]);
    expect(result).toMatchObject({ outcome: 'server-unavailable', retried: 100 });
    const sent = new Set(server.calls[0]!.envelopes.map((e) => e.id));
    for (const id of ids) {
      const now = await item(id);
      if (sent.has(id)) expect(now).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'e503' } });
      else expect(now).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: T0 });
    }
  });

  it('halves the batch after a 413 until the body fits, for the rest of the round', async () => {
    await queue(100);
    const server = fakeServer({ answer: (envelopes) => (envelopes.length > 30 ? errorResponse(413) : undefined) });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'done', stored: 100, retried: 0 });
    expect(server.calls.map((c) => c.envelopes.length)).toEqual([100, 50, 25, 25, 25, 25]);
  });

  it('sends a batch refused with 400 one by one, so one bad envelope does not hold back the rest', async () => {
    const ids = await queue(4);
    const poison = ids[2];
    const server = fakeServer({ answer: (envelopes) => (envelopes.some((e) => e.id === poison) ? errorResponse(400) : undefined) });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'done', stored: 3, retried: 1 });
    expect(await item(poison)).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'e400' } });
    expect(server.calls.map((c) => c.envelopes.length)).toEqual([4, 1, 1, 1, 1]);
  });

  it('retries an item the server did not answer for, without spinning', async () => {
    const [answered, forgotten] = await queue(2);
    const server = fakeServer({ status: (e) => (e.id === forgotten ? 'omit' : 'stored') });
    const result = await run(server.fetch, { random: () => 0 });
    expect(result).toMatchObject({ outcome: 'done', stored: 1, retried: 1 });
    expect(server.calls).toHaveLength(1);
    expect((await item(answered)).status).toBe('stored');
    expect(await item(forgotten)).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'no_result' } });
  });

  it('puts the batch back when a 200 is not the contract’s answer (a captive portal)', async () => {
    const [id] = await queue(1);
    const result = await run(async () => new Response('<html>Log in to the Wi-Fi</html>', { status: 200 }));
    expect(result).toMatchObject({ outcome: 'server-unavailable', retried: 1 });
    expect(await item(id)).toMatchObject({ status: 'queued', lastError: { code: 'bad_response' } });
  });

  it('sends only what is due', async () => {
    await queue(1, T0);
    await queue(1, T0 + 60_000);
    const server = fakeServer();
    await run(server.fetch);
    expect(server.calls.flatMap((c) => c.envelopes)).toHaveLength(1);
    await run(server.fetch, { now: () => T0 + 60_000 });
    expect(server.calls.flatMap((c) => c.envelopes)).toHaveLength(2);
  });

  it('resends items a crash left in sending, and the server’s duplicate acknowledges them', async () => {
    const [id] = await queue(1);
    const server = fakeServer();
    server.stored.add(id);
    await outboxDb().outbox.update(id, { status: 'sending' });
    const result = await run(server.fetch);
    expect(result).toMatchObject({ outcome: 'done', duplicate: 1 });
    expect((await item(id)).status).toBe('stored');
  });

  it('lets only one uploader run; the other skips at once', async () => {
    await queue(3);
    const lock = memoryLock();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer();
    const slowFetch: typeof fetch = async (input, init) => {
      await gate;
      return server.fetch(input, init);
    };
    const first = run(slowFetch, { lock });
    const second = await run(server.fetch, { lock });
    expect(second).toMatchObject({ outcome: 'skipped', sent: 0 });
    release();
    expect(await first).toMatchObject({ outcome: 'done', stored: 3 });
    expect(server.calls).toHaveLength(1);
  });

  it('does nothing on a device that is not enrolled', async () => {
    await queue(1);
    await outboxDb().device.clear();
    const server = fakeServer();
    expect(await run(server.fetch)).toMatchObject({ outcome: 'not-enrolled' });
    expect(server.calls).toHaveLength(0);
  });

  it('counts a fetch that throws as a network failure', async () => {
    const [id] = await queue(1);
    const server = fakeServer({
      answer: () => {
        throw new Error('the fetch itself broke');
      },
    });
    expect(await run(server.fetch)).toMatchObject({ outcome: 'network-error' });
    expect((await item(id)).status).toBe('queued');
  });

  it('stops the round when an answer cannot be stored while the next batch is out, and loses nothing', async () => {
    const ids = await queue(250);
    const table = outboxDb().outbox;
    const bulkPut = table.bulkPut;
    let failed = false;
    // Applying the first answer (items moving to stored) fails once; claims and putting back work.
    table.bulkPut = ((records: OutboxItem[], ...rest: unknown[]) => {
      if (!failed && records.some((r) => r.status === 'stored')) {
        failed = true;
        return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      }
      return (bulkPut as (...a: unknown[]) => Promise<unknown>).call(table, records, ...rest);
    }) as unknown as typeof bulkPut;
    const server = fakeServer();
    try {
      await expect(run(server.fetch)).rejects.toMatchObject({ name: 'StorageError', operation: 'outbox.update', kind: 'quota' });
    } finally {
      table.bulkPut = bulkPut;
    }
    expect(server.calls.length).toBeLessThan(3);
    // Every item back in the queue as it was, ciphertext kept: what the server stored but the device
    // could not note is sent again and answered duplicate.
    for (const id of ids) expect(await item(id), id).toMatchObject({ status: 'queued', attempts: 0, envelope: expect.anything() });
  });

  it('puts claimed items back as they were when storage fails mid-round, and says where', async () => {
    const [id] = await queue(1);
    const table = outboxDb().outbox;
    const bulkPut = table.bulkPut;
    const server = fakeServer({
      answer: () => {
        // The next write (applying the answer) fails; the one after (putting items back) works.
        table.bulkPut = (() => {
          table.bulkPut = bulkPut;
          return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
        }) as unknown as typeof bulkPut;
        return undefined;
      },
    });
    await expect(run(server.fetch)).rejects.toMatchObject({ name: 'StorageError', operation: 'outbox.update', kind: 'quota' });
    expect(await item(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
