import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { enrolDeviceAt } from './support/enrol.ts';
import { proxiedServerForFile } from './support/proxied-server.ts';
import { SERVER_ENROLMENT_CODE } from './support/server-process.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { copiesOf } from './support/server-submissions.ts';

// "Send a test request" on the set-up screen, as a municipal IT administrator uses it after enrolment.
const env = proxiedServerForFile();

test('queues a test request from the set-up screen, shows its reference and counts it received by the server', async ({ page }) => {
  await enrolDeviceAt(page, env.proxy.url, SERVER_ENROLMENT_CODE, 'IT test kiosk');
  await chooseLanguage(page, 'da');
  const send = page.getByRole('button', { name: 'Send en testhenvendelse' });
  const box = await send.boundingBox();
  expect(Math.min(box!.width, box!.height), 'touch target').toBeGreaterThanOrEqual(44);

  await send.click();
  const reference = page.locator('#setup-test-reference');
  await expect(reference).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
  await expect(page.locator('#setup-test-result')).toContainText('Testhenvendelsen er lagt i kø med referencenummer');
  // The counts table moves the request to "received by the server" once the page has synced it.
  await expect(page.getByRole('row', { name: /Modtaget af serveren/ }).getByRole('cell')).toHaveText('1', { timeout: 15_000 });
  expect(await copiesOf(env.server.url, [(await reference.textContent())!])).toEqual([1]);

  // The enrolled set-up screen (with the new section and its result) in both languages.
  for (const language of ['da', 'en'] as const) {
    await chooseLanguage(page, language);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${language}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
  await expect(page.getByRole('button', { name: 'Send a test request' })).toBeVisible();
});
