import { expect, test, type APIRequestContext } from '@playwright/test';
import type { EnrollResponse } from '#contract/v1.ts';
import { E2E_ENROLMENT_CODE } from './support/enrol.ts';
import { adminApi, E2E_ADMIN, expectNoAxeViolations, logInAt } from './support/staff.ts';

async function enrol(request: APIRequestContext, name: string, kind: 'kiosk' | 'tablet'): Promise<EnrollResponse> {
  const r = await request.post('/api/v1/devices/enroll', { data: { code: E2E_ENROLMENT_CODE, name, kind } });
  expect(r.status()).toBe(201);
  return (await r.json()) as EnrollResponse;
}

async function report(request: APIRequestContext, device: EnrollResponse, body: Record<string, unknown>): Promise<void> {
  const base = { appVersion: '0.1.0', queued: 0, oldestQueuedAgeSeconds: null, rejected: 0, storageUsedBytes: 3_000_000, storageQuotaBytes: 2_000_000_000, persisted: true, lastError: 'none' };
  const r = await request.post('/api/v1/devices/report', { data: { ...base, ...body }, headers: { Authorization: `Bearer ${device.token}` } });
  expect(r.status(), await r.text()).toBe(204);
}

/** The admin's fleet view with three devices in different states: most trouble first, in plain Danish. */
test('the devices screen lists a kiosk holding old work first, then one never seen, then a healthy one', async ({ page, request }) => {
  await adminApi(request);
  const suffix = Date.now().toString(36);
  const healthy = await enrol(request, `Kiosk Rådhuset ${suffix}`, 'kiosk');
  const stuck = await enrol(request, `Kiosk Bibliotek ${suffix}`, 'kiosk');
  const silent = await enrol(request, `Tablet Hjemmebesøg ${suffix}`, 'tablet');
  await report(request, healthy, {});
  await report(request, stuck, { appVersion: '0.0.9', queued: 12, oldestQueuedAgeSeconds: 2 * 86_400, rejected: 1, storageUsedBytes: 1_900_000_000, lastError: 'network' });

  await page.setViewportSize({ width: 1280, height: 800 });
  await logInAt(page, E2E_ADMIN);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Enheder' }).click();
  await expect(page.locator('h1')).toHaveText('Enheder');
  await expect(page.getByText('Enheder med problemer står øverst.', { exact: false })).toBeVisible();

  const rows = page.locator('#devices-table tbody tr').filter({ hasText: suffix });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator('th')).toHaveText(`Kiosk Bibliotek ${suffix}`);
  await expect(rows.nth(1).locator('th')).toHaveText(`Tablet Hjemmebesøg ${suffix}`);
  await expect(rows.nth(2).locator('th')).toHaveText(`Kiosk Rådhuset ${suffix}`);

  const first = rows.nth(0);
  await expect(first).toContainText('12 henvendelser, den ældste siden');
  await expect(first).toContainText('1 afvist');
  await expect(first).toContainText('0.0.9');
  await expect(first).toContainText('1,9 GB af 2 GB');
  for (const flag of ['Henvendelser venter for længe', 'Har afviste henvendelser', 'Lageret er næsten fuldt', 'Sidste afsendelse fejlede']) await expect(first).toContainText(flag);

  const second = rows.nth(1);
  await expect(second).toContainText('Aldrig');
  await expect(second).toContainText('Har aldrig meldt sig');
  expect(silent.deviceId).toBeTruthy();

  const third = rows.nth(2);
  await expect(third).toContainText('Ingen');
  await expect(third).toContainText('I orden');
  await expect(third).toContainText('3 MB af 2 GB');

  await page.screenshot({ path: 'test-results/screenshots/staff-fleet-da.png', fullPage: true });
  await expectNoAxeViolations(page, 'fleet da');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(rows.nth(0)).toContainText('Submissions waiting too long');
  await page.screenshot({ path: 'test-results/screenshots/staff-fleet-en.png', fullPage: true });
});
