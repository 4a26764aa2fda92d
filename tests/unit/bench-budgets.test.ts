import 'fake-indexeddb/auto';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { MAX_BATCH, type Envelope } from '#contract/v1.ts';
import { memoryLock } from '#outbox/lock.ts';
import { submit } from '#outbox/submit.ts';
import { syncOutbox } from '#outbox/sync.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, storeDevice, testDevice } from '#outbox/outbox.fixtures.ts';

/**
 * Budgets from `npm run bench` (tests/bench/BENCHMARKS.md) that hold on any machine: counts and
 * bytes, never times. The drain figure is fast because a backlog goes up in batches of MAX_BATCH;
 * one request per submission (what a Workbox queue does) is what the bench measures it against.
 */
beforeAll(() => registerTestRequestType());
afterEach(clearOutboxDb);

it('a backlog of 250 submissions goes up in ceil(250 / 100) = 3 requests, each envelope under 1 KiB on the wire', async () => {
  await storeDevice(testDevice((await makeServerKeys()).serverKey));
  for (let i = 0; i < 250; i++) await submit({ type: TEST_TYPE, data: { note: `note ${i}` } });

  const bodies: string[] = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    bodies.push(String(init?.body));
    const { submissions } = JSON.parse(String(init?.body)) as { submissions: Envelope[] };
    return Response.json({ results: submissions.map((e) => ({ id: e.id, reference: e.reference, status: 'stored' })) });
  };
  const result = await syncOutbox({ fetch, lock: memoryLock() });

  expect(result).toMatchObject({ outcome: 'done', stored: 250 });
  expect(bodies).toHaveLength(Math.ceil(250 / MAX_BATCH));
  // A small submission's envelope is ~760 bytes, 512 of them the 3072-bit wrapped key in base64url.
  for (const body of bodies) {
    const envelopes = (JSON.parse(body) as { submissions: unknown[] }).submissions.length;
    expect(new TextEncoder().encode(body).length / envelopes).toBeLessThan(1024);
  }
}, 60_000);
