import { expect, test, type Page } from '@playwright/test';
import { enrolDeviceAt } from './support/enrol.ts';
import { holdSyncLock, readOutbox, sendTestRequests, waitUntilDrained } from './support/outbox-page.ts';
import { proxiedServerForFile } from './support/proxied-server.ts';
import { SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { copiesOf, serverHoldings } from './support/server-submissions.ts';
import { visitUntilControlled } from './support/service-worker.ts';

// The server and the network failing while the outbox uploads. Real Chromium and the real server
// (a child process, so it can be SIGKILLed) behind a chaos proxy that is the app's origin. Serial:
// one test kills the server that the others use.
test.describe.configure({ mode: 'serial' });

const env = proxiedServerForFile();

test.afterEach(() => {
  env.proxy.onForwarded = undefined;
  env.proxy.chooser = undefined;
});

async function enrolled(page: Page, name: string): Promise<void> {
  await visitUntilControlled(page, `${env.proxy.url}/setup`);
  await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, name);
}

async function statuses(page: Page): Promise<string[]> {
  return [...new Set((await readOutbox(page)).map((i) => i.status))];
}

test('holds exactly one copy of each request when the server is killed with SIGKILL mid-batch and restarted', async ({ context, page }) => {
  test.setTimeout(90_000);
  await context.clock.install(); // runs as usual; lets the test skip the backoff the dead server causes
  await enrolled(page, 'Kill kiosk');
  // 150 queued while another uploader holds the lock: due at once, so they go as a batch of 100
  // and one of 50, and the kill lands inside a full batch.
  const release = await holdSyncLock(page);
  const references = await sendTestRequests(page, 150);
  const ids = (await readOutbox(page)).map((i) => i.id);
  expect(await statuses(page)).toEqual(['queued']);

  // Kill the server the moment the first batch reaches it, while it decrypts. The server stores a
  // request in one transaction (group commit), so SIGKILL leaves all of that batch or none of it.
  let killed: Promise<void> | undefined;
  let committedAtKill = -1;
  env.proxy.onForwarded = (call) => {
    env.proxy.onForwarded = undefined;
    killed = (async () => {
      await env.server.kill();
      committedAtKill = env.server.committedCount(call.ids);
    })();
  };
  await release();
  await expect.poll(() => killed !== undefined, { timeout: 15_000 }).toBe(true);
  await killed;
  const interrupted = env.proxy.calls.find((call) => call.upstreamStatus === 502)!;
  expect(interrupted, 'the batch in flight got no answer from the server').toBeDefined();
  expect(interrupted.ids.length).toBe(100);
  expect([0, 100], 'the kill left all of the batch or none of it, never part').toContain(committedAtKill);

  await env.server.start();
  await waitUntilDrained(page, 'Kill kiosk');
  expect(await statuses(page)).toEqual(['stored']);
  const holdings = await serverHoldings(env.server.url);
  expect(references.map((r) => holdings.copiesByReference.get(r) ?? 0)).toEqual(references.map(() => 1));
  expect(new Set(holdings.submissions.map((s) => s.id)).size, 'every stored id is unique').toBe(holdings.total);
  // The batch was sent again; if it had been stored, the server said so for each item.
  const duplicates = env.proxy.calls.flatMap((c) => c.results ?? []).filter((r) => r.status === 'duplicate' && ids.includes(r.id));
  expect(duplicates.length).toBe(committedAtKill);
});

test('holds exactly one copy when the response is dropped after the server committed', async ({ page }) => {
  await enrolled(page, 'Dropped-answer kiosk');
  env.proxy.injectNext('drop-after-commit');
  const [reference] = await sendTestRequests(page, 1);
  await expect.poll(() => statuses(page), { timeout: 15_000 }).toEqual(['stored']);
  const [item] = await readOutbox(page);

  const calls = env.proxy.callsFor(item!.id);
  // First the server stored it and the device never heard; then the device resent it and the
  // server answered duplicate without storing anything new.
  expect(calls.map((c) => [c.fault, c.results?.find((r) => r.id === item!.id)?.status])).toEqual([
    ['drop-after-commit', 'stored'],
    ['pass', 'duplicate'],
  ]);
  expect(await copiesOf(env.server.url, [reference!])).toEqual([1]);
});

test('retries after an injected 500 and does not resend before the Retry-After of a 429', async ({ page }) => {
  await enrolled(page, 'Faulty-server kiosk');
  // Longer than any backoff after two failures (4 s at most), so only honouring it explains the wait.
  env.proxy.retryAfterSeconds = 6;
  env.proxy.injectNext('fail-500', 'rate-limit');
  const [reference] = await sendTestRequests(page, 1);
  await expect.poll(() => statuses(page), { timeout: 25_000 }).toEqual(['stored']);
  const [item] = await readOutbox(page);

  const calls = env.proxy.callsFor(item!.id);
  expect(calls.map((c) => c.fault)).toEqual(['fail-500', 'rate-limit', 'pass']);
  expect(calls[2]!.results?.[0]?.status).toBe('stored');
  const waited = calls[2]!.at - calls[1]!.at;
  expect(waited, 'resent before Retry-After: 6 had passed').toBeGreaterThanOrEqual(6_000);
  expect(await copiesOf(env.server.url, [reference!])).toEqual([1]);
});
