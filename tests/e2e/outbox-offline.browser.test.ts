import { expect, test, type Page } from '@playwright/test';
import { enrolDeviceAt } from './support/enrol.ts';
import { dumpIndexedDb, readOutbox, sendTestRequests, webStorageText } from './support/outbox-page.ts';
import { proxiedServerForFile } from './support/proxied-server.ts';
import { SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { copiesOf } from './support/server-submissions.ts';
import { visitUntilControlled } from './support/service-worker.ts';

// Real Chromium, the built app and the real server (a child process) behind a chaos proxy that is
// the app's origin. One server for the file; every test enrols a device of its own.
test.describe.configure({ mode: 'serial' });

const env = proxiedServerForFile();

test('holds exactly one copy of a request submitted offline, after a reload, a closed page and a new one', async ({ context, page }) => {
  await visitUntilControlled(page, `${env.proxy.url}/setup`);
  await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, 'Offline kiosk');

  await context.setOffline(true);
  const [reference] = await sendTestRequests(page, 1);
  // The page tries at once, fails offline and puts it back in the queue with its envelope.
  await expect.poll(async () => (await readOutbox(page)).map((i) => [i.reference, i.status, i.hasEnvelope])).toEqual([[reference, 'queued', true]]);

  // Offline the app still loads (service worker) and the queue survives the page going away.
  await page.reload();
  await expect(page.locator('#setup-status-heading')).toBeVisible();
  await page.close();
  const again = await context.newPage();
  await again.goto(`${env.proxy.url}/`);
  await expect(again.locator('main h1')).toBeVisible();
  // The new page tries at once too (it may be caught `sending`), fails offline and queues it again.
  await expect.poll(async () => (await readOutbox(again)).map((i) => [i.reference, i.status])).toEqual([[reference, 'queued']]);
  const waiting = await readOutbox(again);
  expect(env.proxy.callsFor(waiting[0]!.id), 'nothing may reach the server while offline').toEqual([]);
  expect(await copiesOf(env.server.url, [reference!])).toEqual([0]);

  // Back online, the start screen alone (no set-up screen open) must send it. Usually the 'online'
  // event does, once the backoff of the failed tries has run out; but a try may still land just
  // before (Background Sync does not see the emulated offline), and then the start screen's
  // 30-second sync timer (src/app/shared/outbox-sync.ts) is what sends it: hence 45 s.
  await expect.poll(async () => (await readOutbox(again))[0]!.nextAttemptAt - Date.now(), { timeout: 10_000 }).toBeLessThan(0);
  await context.setOffline(false);
  await expect.poll(() => copiesOf(env.server.url, [reference!]), { timeout: 45_000 }).toEqual([1]);
  await expect.poll(async () => (await readOutbox(again)).map((i) => [i.status, i.hasEnvelope]), { timeout: 10_000 }).toEqual([['stored', false]]);
  expect(await copiesOf(env.server.url, [reference!])).toEqual([1]);
});

/**
 * Strings that exist only in the plaintext of a test request's data ({ note, sentAt }): the outbox
 * metadata has neither key, so finding one anywhere on the device means plaintext was stored.
 */
const PLAINTEXT_MARKERS = ['"note"', 'sentAt', '\\"note\\"'];
/** The envelope's secret parts; they must be gone once the server has acknowledged. */
// The key-agreement envelope: the server publishes its EC key, so Chromium seals with ECDH (`epk`, no `wrappedKey`).
const SEALED_FIELDS = ['ciphertext', 'epk'];

test('keeps only the sealed envelope before sync and nothing of it after the server stored it', async ({ context, page }) => {
  await visitUntilControlled(page, `${env.proxy.url}/setup`);
  await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, 'Privacy kiosk');
  await context.setOffline(true);
  const references = await sendTestRequests(page, 3);
  await expect.poll(async () => (await readOutbox(page)).filter((i) => i.status === 'queued').length).toBe(3);

  // Before sync: the envelope is there (so the dump below can see it), the data is not.
  const before = await dumpIndexedDb(page);
  const outboxBefore = before.find((d) => d.database === 'borgerservice' && d.store === 'outbox')!.records.join('\n');
  for (const field of SEALED_FIELDS) expect(outboxBefore, `the queued envelope should carry ${field}`).toContain(`"${field}"`);
  for (const reference of references) expect(outboxBefore).toContain(reference);
  await expectNoPlaintext(page, 'while queued');

  // The page's scheduler (started by the test request) sends them at its next due time (a few
  // seconds of backoff after the failed tries offline).
  await context.setOffline(false);
  await expect.poll(async () => (await readOutbox(page)).map((i) => i.status), { timeout: 30_000 }).toEqual(['stored', 'stored', 'stored']);
  expect(await copiesOf(env.server.url, references)).toEqual([1, 1, 1]);

  // After the acknowledgement: no envelope part anywhere on the device, in any database or store.
  const after = await dumpIndexedDb(page);
  expect(after.map((d) => `${d.database}/${d.store}`)).toContain('borgerservice/outbox');
  for (const { database, store, records } of after) {
    for (const record of records) {
      for (const field of SEALED_FIELDS) expect(record, `${database}/${store} still holds ${field}`).not.toContain(field);
    }
  }
  await expectNoPlaintext(page, 'after sync');
});

async function expectNoPlaintext(page: Page, when: string): Promise<void> {
  const everything = [...(await dumpIndexedDb(page)).flatMap((d) => d.records), await webStorageText(page)].join('\n');
  for (const marker of PLAINTEXT_MARKERS) expect(everything, `plaintext ${marker} found on the device ${when}`).not.toContain(marker);
}
