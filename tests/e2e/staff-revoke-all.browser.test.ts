import { expect, test } from '@playwright/test';
import { E2E_ENROLMENT_CODE } from './support/enrol.ts';
import { E2E_ADMIN, expectNoAxeViolations, logInAt } from './support/staff.ts';

/**
 * The devices screen offers to revoke every device of one kind, after a DKFDS confirmation that
 * names how many. The test cancels: revoking every tablet of the shared test server would stop the
 * tests running beside it. The revoking itself is tested against the real server in
 * tests/server/device-tokens.test.ts.
 */
test('"revoke all tablets" asks first, naming how many, and cancelling revokes nothing', async ({ page, request }) => {
  const name = `Tablet revoke-all ${Date.now().toString(36)}`;
  const r = await request.post('/api/v1/devices/enroll', { data: { code: E2E_ENROLMENT_CODE, name, kind: 'tablet' } });
  expect(r.status()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAt(page, E2E_ADMIN);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Enheder' }).click();
  await expect(page.locator('h1')).toHaveText('Enheder');
  await expect(page.locator('#revoke-all-heading')).toHaveText('Spær alle enheder af én slags');

  await page.locator('#revoke-all-tablet').click();
  const question = page.getByRole('alertdialog');
  await expect(question).toBeFocused();
  await expect(question).toContainText(/Spær (alle \d+ aktive tablets|den ene aktive tablet)\?/);
  await expect(question).toContainText('Det kan ikke fortrydes');
  await expectNoAxeViolations(page, 'revoke all: the question');
  await page.screenshot({ path: 'test-results/screenshots/staff-revoke-all-confirm-da.png', fullPage: true });

  await question.locator('button.button-secondary').click();
  await expect(question).toBeHidden();
  await expect(page.locator('#revoke-all-tablet')).toBeFocused();
  await page.reload();
  const row = page.locator('#devices-table tbody tr').filter({ hasText: name });
  await expect(row.getByRole('button', { name: `Spær ${name}` })).toBeVisible();
});
