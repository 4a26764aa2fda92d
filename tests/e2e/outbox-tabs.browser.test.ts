import { expect, test } from '@playwright/test';
import { enrolDeviceAt } from './support/enrol.ts';
import { readOutbox, sendTestRequests } from './support/outbox-page.ts';
import { proxiedServerForFile } from './support/proxied-server.ts';
import { SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { copiesOf } from './support/server-submissions.ts';
import { visitUntilControlled } from './support/service-worker.ts';

// Two tabs of one device (one browser context: one IndexedDB, one set of Web Locks), each with its
// own sync scheduler, and the service worker as a third uploader.
const env = proxiedServerForFile();

test('sends each request once and the server holds one copy when two tabs sync at the same time', async ({ context, page }) => {
  await visitUntilControlled(page, `${env.proxy.url}/setup`);
  await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, 'Two-tab kiosk');
  const other = await context.newPage();
  await other.goto(`${env.proxy.url}/setup`);

  // Both tabs queue and sync at once, interleaved.
  const references = (await Promise.all([sendTestRequests(page, 40), sendTestRequests(other, 40)])).flat();
  await expect.poll(async () => [...new Set((await readOutbox(other)).map((i) => i.status))], { timeout: 30_000 }).toEqual(['stored']);

  const items = await readOutbox(page);
  expect(items).toHaveLength(80);
  expect(new Set(references).size).toBe(80);
  // Without one uploader at a time, a tab starting a run would take the other's in-flight items
  // for crash leftovers and send them again: every envelope must have gone up exactly once.
  const timesSent = items.map((item) => env.proxy.callsFor(item.id).length);
  expect(timesSent).toEqual(items.map(() => 1));
  expect(env.proxy.calls.flatMap((c) => c.results ?? []).filter((r) => r.status !== 'stored')).toEqual([]);
  expect(await copiesOf(env.server.url, references)).toEqual(references.map(() => 1));
});
