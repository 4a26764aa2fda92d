import { expect, test, type Page } from '@playwright/test';
import { choose, fillText, next } from './support/forms.ts';
import { heading, readyTablet, TABLET_PIN, tabletText, typePin } from './support/tablet.ts';

/** Opens the assisted 'block-digital-id' form and types a citizen's name and CPR number on its last step. */
async function typeCitizen(page: Page): Promise<void> {
  await page.locator('a[href="/tablet/service/block-digital-id"]').click();
  await choose(page, 'scheme', 'nemid', 'nemid');
  await next(page);
  await next(page); // the number to call now
  await choose(page, 'lost', 'key-card', 'key-card');
  await fillText(page, 'details', 'Pungen blev stjålet.');
  await next(page);
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '010190-1234');
}

/** Nothing of the citizen's anywhere in the page: not in the text, not in an input's value. */
async function expectNoCitizen(page: Page): Promise<void> {
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  const html = await page.content();
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  for (const secret of ['Karen', '010190']) {
    expect(html).not.toContain(secret);
    expect(values.join(' ')).not.toContain(secret);
  }
}

test('after five minutes without a touch the tablet locks, and nothing of the citizen stays on screen', async ({ page, request }) => {
  await page.clock.install();
  await readyTablet(page, request, 'idle');
  await typeCitizen(page);
  await page.clock.fastForward('04:00');
  await expect(page.locator('#f-name')).toHaveValue('Karen Hansen');
  await page.clock.fastForward('01:01');
  await expectNoCitizen(page);
  await expect(page.locator('main')).toContainText('Tabletten blev låst, fordi den ikke var i brug.');
  await page.screenshot({ path: 'test-results/screenshots/tablet-locked-idle-da.png', fullPage: true });

  // Unlocked again, the same step comes back with the same answers, from the encrypted draft.
  await typePin(page, TABLET_PIN);
  await expect(page.locator('#f-name')).toHaveValue('Karen Hansen');
  await expect(page.locator('#f-cpr')).toHaveValue('010190-XXXX'); // shown masked, as after any entry
  await page.locator('main a.back-link').click();
  await expect(page.locator('#f-details')).toHaveValue('Pungen blev stjålet.');
});

test('a tablet put away for longer than the grace period locks; the Lock button locks at once', async ({ page, request }) => {
  await page.clock.install();
  await readyTablet(page, request, 'hidden');
  await typeCitizen(page);
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);

  // A glance at the phone: back within the grace, nothing happens.
  await setVisibility('hidden');
  await page.clock.fastForward('00:10');
  await setVisibility('visible');
  await expect(page.locator('#f-name')).toHaveValue('Karen Hansen');

  await setVisibility('hidden');
  await page.clock.fastForward('00:31');
  await setVisibility('visible');
  await expectNoCitizen(page);
  await expect(page.locator('main')).toContainText('Tabletten blev låst, fordi den var lagt væk.');

  // Unlocked, the form is back as it was; the Lock button locks at once, and it comes back again.
  await typePin(page, TABLET_PIN);
  await expect(page.locator('#f-name')).toHaveValue('Karen Hansen');
  await fillText(page, 'phone', '12 34 56 78');
  await page.locator('#tablet-lock').click();
  await expectNoCitizen(page);
  await typePin(page, TABLET_PIN);
  await expect(page.locator('#f-phone')).toHaveValue('12 34 56 78');
});
