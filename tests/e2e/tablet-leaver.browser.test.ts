import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { chooseLanguage } from './support/kiosk.ts';
import { adminApi, E2E_ADMIN, logInAt, sameOrigin } from './support/staff.ts';
import { heading, outboxRows, readyTablet, sendAssistedBlock, tabletText, typePin } from './support/tablet.ts';
import { reloadUnderServiceWorker } from './support/service-worker.ts';

/**
 * Leavers and lost devices, end to end: a tablet works offline while an admin deactivates the
 * account (or revokes the tablet); online again, nothing is lost, the tablet says why in Danish and
 * English, and the back office's audit log has every step.
 */

interface AuditRow { actor: string; action: string; target: string | null; detail: Record<string, unknown> }

async function audit(request: APIRequestContext, query: string): Promise<AuditRow[]> {
  const r = await request.get(`/api/v1/staff/audit?${query}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).entries as AuditRow[];
}

/** A tablet that works without the network: the service worker controls the page. */
async function offlineReady(page: Page, context: BrowserContext): Promise<void> {
  await reloadUnderServiceWorker(page);
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await typePin(page, '246813');
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await context.setOffline(true);
}

async function openOutbox(page: Page): Promise<void> {
  await page.locator('a[href="/tablet/outbox"]').first().click();
  await expect(heading(page)).toHaveText(tabletText.da.outbox);
}

async function screenshotsInBoth(page: Page, name: string, expectations: Record<'da' | 'en', () => Promise<void>>): Promise<void> {
  for (const language of ['en', 'da'] as const) {
    await chooseLanguage(page, language);
    await expectations[language]();
    await page.screenshot({ path: `test-results/screenshots/${name}-${language}.png`, fullPage: true });
  }
}

test('a leaver: work sealed before the deactivation is stored and marked, later work is refused and kept, and the next online unlock is refused', async ({ page, context, request, browser }) => {
  test.setTimeout(180_000);
  const staff = await readyTablet(page, request, 'leaver');
  await offlineReady(page, context);

  const before = await sendAssistedBlock(page, 'Karen Hansen');
  await adminApi(request);
  const disabled = await request.post(`/api/v1/staff/users/${encodeURIComponent(staff.username)}/disable`, { headers: sameOrigin });
  expect(disabled.status(), await disabled.text()).toBe(204);
  const after = await sendAssistedBlock(page, 'Ole Hansen');

  await context.setOffline(false);
  await openOutbox(page);
  await page.getByRole('button', { name: 'Send nu', exact: true }).first().click();
  await expect.poll(() => outboxRows(page), { timeout: 45_000 }).toEqual([
    { reference: after, state: 'rejected' },
    { reference: before, state: 'stored' },
  ]);

  // The earlier work is in the back office, credited to the leaver and marked.
  const list = await request.get('/api/v1/staff/submissions?type=block-digital-id&limit=10000');
  const rows = (await list.json()).submissions as { reference: string; assistedBy: string | null; assistedByDisabled?: boolean }[];
  expect(rows.find((s) => s.reference === before)).toMatchObject({ assistedBy: staff.username, assistedByDisabled: true });
  expect(rows.find((s) => s.reference === after)).toBeUndefined();

  const refused = page.locator(`#tablet-outbox tr[data-reference="${after}"]`);
  await screenshotsInBoth(page, 'tablet-leaver-outbox', {
    en: () => expect(refused).toContainText('The account had been deactivated when this request was made'),
    da: () => expect(refused).toContainText('Kontoen var deaktiveret, da henvendelsen blev lavet'),
  });
  // Never the server's English message in the Danish interface.
  await expect(refused).not.toContainText('account_disabled');

  // The next online unlock is refused, and the tablet stays locked.
  await page.locator('#tablet-lock').click();
  await typePin(page, '246813');
  const alert = page.locator('#unlock-account-disabled');
  await screenshotsInBoth(page, 'tablet-leaver-unlock', {
    en: () => expect(alert).toContainText('Your account has been deactivated'),
    da: () => expect(alert).toContainText('Din konto er deaktiveret'),
  });
  await expect(heading(page)).toHaveText(tabletText.da.locked);

  // Every step in the audit log: the sign-in on the tablet, the deactivation, the refused work, the refused unlock.
  expect((await audit(request, `actor=${staff.username}&action=issue_staff_credential`)).length).toBeGreaterThan(0);
  expect(await audit(request, `target=${staff.username}&action=disable_user`)).toContainEqual(expect.objectContaining({ actor: E2E_ADMIN.username }));
  expect((await audit(request, 'action=refuse_staff_work')).some((e) => e.detail.reference === after && e.detail.code === 'account_disabled')).toBe(true);
  expect((await audit(request, `target=${staff.username}&action=refuse_staff_unlock`)).length).toBeGreaterThan(0);

  const office = await browser.newContext();
  try {
    const desk = await office.newPage();
    await logInAt(desk, E2E_ADMIN);
    await desk.goto('/staff/admin/audit');
    await desk.locator('#audit-action').selectOption('refuse_staff_unlock');
    await desk.locator('form.staff-filters button[type="submit"]').click();
    await expect(desk.locator('#audit-table')).toContainText(staff.username);
    await expect(desk.locator('#audit-table')).toContainText('Deaktiveret medarbejder afvist ved oplåsning af en tablet');
    await desk.screenshot({ path: 'test-results/screenshots/tablet-leaver-audit-da.png', fullPage: true });
  } finally {
    await office.close();
  }
});

test('a lost tablet: revoked while offline, it keeps what it holds and says so on every screen that sends', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const prefix = `lost${Date.now().toString(36)}`;
  await readyTablet(page, request, prefix);
  await offlineReady(page, context);
  const queued = await sendAssistedBlock(page, 'Karen Hansen');

  await adminApi(request);
  const names = (await (await request.get('/api/v1/staff/device-names')).json()).devices as { id: string; name: string; revoked: boolean }[];
  const tablet = names.find((d) => d.name === `Tablet ${prefix}`)!;
  expect(tablet).toBeDefined();
  const revoked = await request.post(`/api/v1/staff/devices/${tablet.id}/revoke`, { headers: sameOrigin });
  expect(revoked.status(), await revoked.text()).toBe(204);

  await context.setOffline(false);
  await openOutbox(page);
  await page.getByRole('button', { name: 'Send nu', exact: true }).first().click();
  const banner = page.locator('#outbox-device-refused');
  await expect(banner).toBeVisible({ timeout: 45_000 });
  // Kept on the tablet, still queued for when it is enrolled again.
  expect(await outboxRows(page)).toEqual([{ reference: queued, state: 'queued' }]);
  const header = page.locator('#tablet-device-refused');
  await screenshotsInBoth(page, 'tablet-revoked-outbox', {
    en: async () => {
      await expect(banner).toContainText('An administrator has blocked this tablet');
      await expect(header).toContainText('The tablet is blocked: nothing is sent');
    },
    da: async () => {
      await expect(banner).toContainText('En administrator har spærret tabletten');
      await expect(header).toContainText('Tabletten er spærret: der sendes intet');
      await expect(page.locator(`#tablet-outbox tr[data-reference="${queued}"]`)).toContainText('serveren afviser tabletten');
    },
  });
  await expect(page.locator('main')).not.toContainText('The device token is unknown');
  expect(await audit(request, `target=${tablet.id}&action=revoke_device`)).toContainEqual(expect.objectContaining({ actor: E2E_ADMIN.username }));
});
