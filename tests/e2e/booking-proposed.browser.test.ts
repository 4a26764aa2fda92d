import { expect, test, type APIRequestContext } from '@playwright/test';
import { newReference } from '#domain/reference.ts';
import { E2E_ENROLMENT_CODE, enrolKiosk } from './support/enrol.ts';
import { fieldId, fillText, flowText, next } from './support/forms.ts';
import { chooseLanguage, setLargePrint } from './support/kiosk.ts';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

/**
 * A time booked while the kiosk is online is booked: the receipt says so and promises no call.
 * A request sent offline whose time fills up before it arrives gets another time proposed by the
 * server: the receipt still on the kiosk says which, and "Dagens tider" tells staff the proposed
 * time and to call (the citizen may have left).
 */

/** Takes every free seat of `slot`, as other kiosks would. */
async function fillSlot(request: APIRequestContext, slot: string): Promise<void> {
  const enrolled = await request.post('/api/v1/devices/enroll', { data: { code: E2E_ENROLMENT_CODE, name: `Kiosk fuld ${Date.now().toString(36)}`, kind: 'kiosk' } });
  expect(enrolled.status()).toBe(201);
  const headers = { Authorization: `Bearer ${(await enrolled.json()).token}` };
  const slots = (await (await request.get('/api/v1/devices/slots', { headers })).json()).slots as { slot: string; free: number }[];
  const free = slots.find((s) => s.slot === slot)?.free ?? 0;
  for (let i = 0; i < free; i++) expect((await request.post('/api/v1/devices/bookings', { headers, data: { slot, reference: newReference() } })).status()).toBe(201);
  expect((await (await request.get('/api/v1/devices/slots', { headers })).json()).slots.some((s: { slot: string }) => s.slot === slot)).toBe(false);
}

test('online, the receipt says the time is booked; offline to a full time, staff see the proposed time and are told to call', async ({ browser, request }) => {
  test.slow();
  const stamp = Date.now().toString(36);

  // Online: booked, and the receipt says so in Danish.
  const online = await browser.newContext();
  const kiosk = await online.newPage();
  await enrolKiosk(kiosk, `Kiosk booket ${stamp}`);
  await kiosk.goto('/service/book-time');
  await kiosk.locator(fieldId('topic')).check();
  const slots = kiosk.waitForResponse((r) => r.url().includes('/api/v1/devices/slots') && r.status() === 200);
  await kiosk.locator('form button[type="submit"]').click();
  await slots;
  // The fourth day's second time: away from the times the other booking tests take.
  await kiosk.locator('input[name="time-day"]').nth(3).check();
  await kiosk.locator('.slot-times input').nth(1).check();
  await next(kiosk);
  await fillText(kiosk, 'name', 'Karen Hansen');
  await fillText(kiosk, 'phone', '12345678');
  await next(kiosk);
  await kiosk.getByRole('button', { name: flowText.da.send }).click();
  await expect(kiosk.locator('main h1')).toHaveText(/Din anmodning er/);
  await expect(kiosk.locator('main')).toContainText('Din tid er booket:');
  await expect(kiosk.locator('main')).toContainText('Du skal ikke vente på et opkald – tiden er bekræftet.');
  await expect(kiosk.locator('main')).not.toContainText('ringer til dig');
  await kiosk.screenshot({ path: 'test-results/screenshots/booking-receipt-booked-da.png', fullPage: true });
  await setLargePrint(kiosk, true);
  await kiosk.screenshot({ path: 'test-results/screenshots/booking-receipt-booked-da-large.png', fullPage: true });
  await online.close();

  // Offline, in English: the request waits on the kiosk while others take every seat of its time.
  const context = await browser.newContext();
  const page = await context.newPage();
  await enrolKiosk(page, `Kiosk foreslået ${stamp}`);
  await page.goto('/service/book-time');
  await chooseLanguage(page, 'en');
  await page.locator(fieldId('topic')).check();
  await context.setOffline(true);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.slot-unconfirmed')).toBeVisible();
  await page.locator('input[name="time-day"]').nth(4).check();
  const slot = (await page.locator('.slot-times input').nth(2).getAttribute('value'))!;
  await page.locator('.slot-times input').nth(2).check();
  await next(page);
  await fillText(page, 'name', 'John Smith');
  await fillText(page, 'phone', '87654321');
  await next(page);
  await page.getByRole('button', { name: flowText.en.send }).click();
  await expect(page.locator('main h1')).toHaveText(flowText.en.receipt);
  // Not held by the server: the citizen is told staff will call.
  await expect(page.locator('main')).toContainText('Borgerservice will call you on');
  await expect(page.locator('main')).not.toContainText('Your time is booked');
  await page.screenshot({ path: 'test-results/screenshots/booking-receipt-offline-en.png', fullPage: true });
  const reference = (await page.locator('.receipt-reference').innerText()).trim();
  await fillSlot(request, slot);
  await context.setOffline(false);
  await expect(page.locator('main h1')).toHaveText(flowText.en.sent, { timeout: 30_000 });
  // Still at the kiosk: the receipt now says the time was taken and which time is proposed instead.
  await expect(page.locator('main')).toContainText('was taken when your request arrived. We propose');
  await expect(page.locator('main')).toContainText('to agree on the time');
  await page.screenshot({ path: 'test-results/screenshots/booking-receipt-proposed-en.png', fullPage: true });
  await chooseLanguage(page, 'da');
  await expect(page.locator('main')).toContainText('var optaget, da din anmodning kom frem. Vi foreslår i stedet');
  await page.screenshot({ path: 'test-results/screenshots/booking-receipt-proposed-da.png', fullPage: true });

  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await office.newPage();
  await logInAt(staff, E2E_ADMIN);
  await staff.goto('/staff/bookings');
  await staff.locator('#bookings-date').fill(slot.slice(0, 10));
  await staff.getByRole('button', { name: 'Vis' }).click();
  const row = staff.locator('table.staff-bookings tbody tr').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Foreslået anden tid:');
  await expect(row).toContainText('Ring til borgeren');
  await expect(row.locator('a')).toHaveText(reference);
  await row.scrollIntoViewIfNeeded();
  await staff.screenshot({ path: 'test-results/screenshots/booking-proposed-da.png', fullPage: true });
  await staff.locator('.staff-language').click();
  await expect(row).toContainText('Other time proposed:');
  await expect(row).toContainText('Call the citizen');
  await staff.screenshot({ path: 'test-results/screenshots/booking-proposed-en.png', fullPage: true });
  // The case has the phone number to call.
  await row.locator('a').click();
  await expect(staff.locator('main')).toContainText('87 65 43 21');
  await Promise.all([context.close(), office.close()]);
});
