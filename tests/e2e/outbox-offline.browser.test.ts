import { expect, test } from '@playwright/test';
import { ChaosProxy } from './support/chaos-proxy.ts';
import { enrolDeviceAt } from './support/enrol.ts';
import { readOutbox, sendTestRequests } from './support/outbox-page.ts';
import { ServerProcess, SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { copiesOf } from './support/server-submissions.ts';
import { visitUntilControlled } from './support/service-worker.ts';

// Real Chromium, the built app and the real server (a child process) behind a chaos proxy that is
// the app's origin. One server for the file; every test enrols a device of its own.
test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
let proxy: ChaosProxy;

test.beforeAll(async () => {
  server = await ServerProcess.start();
  proxy = await ChaosProxy.start(server.port);
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
});

test('holds exactly one copy of a request submitted offline, after a reload, a closed page and a new one', async ({ context, page }) => {
  await visitUntilControlled(page, `${proxy.url}/setup`);
  await enrolDeviceAt(page, proxy.url, SERVER_ENROLMENT_CODE, 'Offline kiosk');

  await context.setOffline(true);
  const [reference] = await sendTestRequests(page, 1);
  // The page tries at once, fails offline and puts it back in the queue with its envelope.
  await expect.poll(async () => (await readOutbox(page)).map((i) => [i.reference, i.status, i.hasEnvelope])).toEqual([[reference, 'queued', true]]);

  // Offline the app still loads (service worker) and the queue survives the page going away.
  await page.reload();
  await expect(page.locator('#setup-status-heading')).toBeVisible();
  await page.close();
  const again = await context.newPage();
  await again.goto(`${proxy.url}/`);
  await expect(again.locator('main h1')).toBeVisible();
  const waiting = await readOutbox(again);
  expect(waiting.map((i) => [i.reference, i.status])).toEqual([[reference, 'queued']]);
  expect(proxy.callsFor(waiting[0]!.id), 'nothing may reach the server while offline').toEqual([]);
  expect(await copiesOf(server.url, [reference!])).toEqual([0]);

  // Back online, the start screen alone (no set-up screen open) must send it.
  await context.setOffline(false);
  await expect.poll(() => copiesOf(server.url, [reference!]), { timeout: 30_000 }).toEqual([1]);
  await expect.poll(async () => (await readOutbox(again)).map((i) => [i.status, i.hasEnvelope]), { timeout: 10_000 }).toEqual([['stored', false]]);
  expect(await copiesOf(server.url, [reference!])).toEqual([1]);
});
