import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Fault } from './support/chaos-proxy.ts';
import { enrolDeviceAt } from './support/enrol.ts';
import { readOutbox, sendTestRequests, waitUntilDrained } from './support/outbox-page.ts';
import { between, seededRandom } from './support/seeded-random.ts';
import { proxiedServerForFile } from './support/proxied-server.ts';
import { SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { serverHoldings } from './support/server-submissions.ts';
import { visitUntilControlled } from './support/service-worker.ts';

// The chaos test of the outbox: three kiosks (browser contexts, each enrolled as its own device) press
// "Send a test request" 1,002 times between them while their network flaps, the server is killed
// and restarted, and the proxy drops answers after the server committed, fails with 500 or asks
// to wait with 429. After healing, the server must hold every request exactly once.
test.describe.configure({ mode: 'serial' });

const SEED = 20261123;
const DEVICES = 3;
const PER_DEVICE = 334;
const SERVER_RESTARTS = 3;
/** Per submission request, when the dice choose a fault (the rest pass). */
const FAULT_ODDS: [Fault, number][] = [
  ['drop-after-commit', 0.08],
  ['fail-500', 0.04],
  ['rate-limit', 0.03],
  ['reset', 0.02],
];

const env = proxiedServerForFile();

test.beforeAll(() => {
  env.proxy.retryAfterSeconds = 1;
});

interface Kiosk {
  name: string;
  context: BrowserContext;
  page: Page;
  references: string[];
  flaps: number;
}

test('holds every one of 1,002 requests from 3 kiosks exactly once after offline flaps, server restarts and dropped answers', async ({ browser }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  const dice = seededRandom(SEED);
  env.proxy.chooser = () => pick(dice(), FAULT_ODDS);

  const kiosks: Kiosk[] = [];
  for (let n = 1; n <= DEVICES; n++) {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    // A clock that runs as usual, so that after healing the test can skip the backoff the chaos
    // built up (capped at 5 minutes, BACKOFF_CAP_MS) instead of waiting for it.
    await context.clock.install();
    const page = await context.newPage();
    await visitUntilControlled(page, `${env.proxy.url}/setup`);
    await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, `Chaos kiosk ${n}`);
    kiosks.push({ name: `Chaos kiosk ${n}`, context, page, references: [], flaps: 0 });
  }

  // Each kiosk presses in seeded runs of 10-30; before a run, one time in four, it goes offline
  // for that run. Meanwhile the server is killed and restarted a few times.
  const presses = kiosks.map(async (kiosk, i) => {
    const random = seededRandom(SEED + i + 1);
    while (kiosk.references.length < PER_DEVICE) {
      const run = Math.min(between(random, 10, 30), PER_DEVICE - kiosk.references.length);
      const offline = random() < 0.25;
      if (offline) {
        kiosk.flaps++;
        await kiosk.context.setOffline(true);
      }
      kiosk.references.push(...(await sendTestRequests(kiosk.page, run)));
      if (offline) await kiosk.context.setOffline(false);
    }
  });
  const restarts = (async () => {
    const random = seededRandom(SEED - 1);
    for (let n = 0; n < SERVER_RESTARTS; n++) {
      await new Promise((resolve) => setTimeout(resolve, between(random, 2_000, 5_000)));
      env.proxy.whenDown = n % 2 === 0 ? '502' : 'reset';
      await env.server.restart();
    }
  })();
  await Promise.all(presses);
  await restarts;
  const pressedIn = Date.now() - started;

  // Heal: no more faults, everyone online, the server up. Then the outboxes must drain by themselves.
  env.proxy.chooser = undefined;
  for (const kiosk of kiosks) await kiosk.context.setOffline(false);
  const healedAt = Date.now();
  console.log(`chaos: pressed ${DEVICES * PER_DEVICE} in ${(pressedIn / 1000).toFixed(1)} s`);
  for (const kiosk of kiosks) await waitUntilDrained(kiosk.page, kiosk.name);
  const drainedIn = Date.now() - healedAt;

  const holdings = await serverHoldings(env.server.url);
  const faults = count(env.proxy.calls.map((c) => c.fault));
  const answers = count(env.proxy.calls.flatMap((c) => (c.results ?? []).map((r) => r.status)));
  console.log(
    `chaos: ${kiosks.reduce((n, k) => n + k.references.length, 0)} submitted by ${DEVICES} kiosks, server holds ${holdings.total}; ` +
      `${env.server.starts - 1} server restarts, ${kiosks.reduce((n, k) => n + k.flaps, 0)} offline flaps; ` +
      `${env.proxy.calls.length} submission requests, faults ${JSON.stringify(faults)}, server answers ${JSON.stringify(answers)}; ` +
      `pressed in ${(pressedIn / 1000).toFixed(1)} s, drained ${(drainedIn / 1000).toFixed(1)} s after healing`,
  );

  const everyReference = kiosks.flatMap((k) => k.references);
  expect(everyReference).toHaveLength(DEVICES * PER_DEVICE);
  expect(new Set(everyReference).size, 'every receipt has its own reference').toBe(everyReference.length);
  // Exactly once: the server holds each reference a receipt showed, once, and nothing else.
  expect(holdings.total).toBe(everyReference.length);
  expect([...holdings.copiesByReference.values()].filter((copies) => copies !== 1)).toEqual([]);
  expect(new Set(holdings.submissions.map((s) => s.id)).size, 'every stored id is unique').toBe(holdings.total);
  expect(new Set(holdings.copiesByReference.keys())).toEqual(new Set(everyReference));
  for (const kiosk of kiosks) {
    const outbox = await readOutbox(kiosk.page);
    // Nothing was rejected (no fault here makes a request invalid), and every receipt is in the outbox as stored.
    expect(count(outbox.map((i) => i.status)), kiosk.name).toEqual({ stored: PER_DEVICE });
    expect(new Set(outbox.map((i) => i.reference))).toEqual(new Set(kiosk.references));
    expect(outbox.filter((i) => i.hasEnvelope), `${kiosk.name} kept envelopes after they were stored`).toEqual([]);
  }
  // The chaos really happened: answers were lost after commit and sent again as duplicates.
  expect(env.server.starts - 1).toBe(SERVER_RESTARTS);
  expect(faults['drop-after-commit'] ?? 0).toBeGreaterThan(0);
  expect(answers.duplicate ?? 0).toBeGreaterThan(0);

  for (const kiosk of kiosks) await kiosk.context.close();
});

function pick(roll: number, odds: [Fault, number][]): Fault {
  for (const [fault, p] of odds) {
    if (roll < p) return fault;
    roll -= p;
  }
  return 'pass';
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
