import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { newReference } from '#domain/reference.ts';
import { E2E_ENROLMENT_CODE, enrolKiosk } from './support/enrol.ts';
import { fieldId, fillText, flowText, next } from './support/forms.ts';
import { chooseLanguage, setLargePrint } from './support/kiosk.ts';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

/**
 * Two kiosks race for the last seat of a time (the test server has three per time): the server gives it to one; the other
 * citizen is told in their language that it was just taken, is offered the nearest free times,
 * and keeps every other answer. The back office's day view lists the booking.
 */

/** Opens "Book a time", answers the topic and waits for the server's free times. */
async function openTimeStep(page: Page, language: 'da' | 'en'): Promise<void> {
  await page.goto('/service/book-time');
  if (language === 'en') await chooseLanguage(page, 'en');
  await page.locator(fieldId('topic')).check();
  const slots = page.waitForResponse((r) => r.url().includes('/api/v1/devices/slots') && r.status() === 200);
  await page.locator('form button[type="submit"]').click();
  await slots;
  await expect(page.locator('.slot-unconfirmed')).toHaveCount(0);
}

async function chooseSlot(page: Page, slot: string): Promise<void> {
  await page.locator(`input[name="time-day"][value="${slot.slice(0, 10)}"]`).check();
  await page.locator(`input[name="time"][value="${slot}"]`).check();
}

async function fillRest(page: Page, language: 'da' | 'en'): Promise<void> {
  await next(page);
  await fillText(page, 'name', language === 'da' ? 'Karen Hansen' : 'John Smith');
  await fillText(page, 'phone', '12345678');
  await next(page);
  await expect(page.locator('main h1')).toHaveText(flowText[language].check);
}

/** Takes every seat of `slot` but one, as a third kiosk would (the server's configuration has three). */
async function leaveOneSeat(request: APIRequestContext, slot: string): Promise<void> {
  const enrolled = await request.post('/api/v1/devices/enroll', { data: { code: E2E_ENROLMENT_CODE, name: `Kiosk tid C ${Date.now().toString(36)}`, kind: 'kiosk' } });
  expect(enrolled.status()).toBe(201);
  const headers = { Authorization: `Bearer ${(await enrolled.json()).token}` };
  const slots = (await (await request.get('/api/v1/devices/slots', { headers })).json()).slots as { slot: string; free: number }[];
  const free = slots.find((s) => s.slot === slot)!.free;
  expect(free).toBeGreaterThan(1);
  for (let i = 1; i < free; i++) {
    expect((await request.post('/api/v1/devices/bookings', { headers, data: { slot, reference: newReference() } })).status()).toBe(201);
  }
  const after = (await (await request.get('/api/v1/devices/slots', { headers })).json()).slots as { slot: string; free: number }[];
  expect(after.find((s) => s.slot === slot)?.free).toBe(1);
}

test('two kiosks race for the last seat: one books it, the other is offered another time, and staff see the booking', async ({ browser, request }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [da, en] = await Promise.all(contexts.map((c) => c.newPage()));
  const names = { da: `Kiosk tid A ${stamp}`, en: `Kiosk tid B ${stamp}` };
  await enrolKiosk(da!, names.da);
  await enrolKiosk(en!, names.en);
  await openTimeStep(da!, 'da');
  await openTimeStep(en!, 'en');

  // The last time of the last day offered: free on both kiosks.
  await da!.locator('input[name="time-day"]').last().check();
  const slot = (await da!.locator('.slot-times input').last().getAttribute('value'))!;
  await chooseSlot(da!, slot);
  await chooseSlot(en!, slot);
  await leaveOneSeat(request, slot);
  await fillRest(da!, 'da');
  await fillRest(en!, 'en');

  await Promise.all([
    da!.getByRole('button', { name: flowText.da.send }).click(),
    en!.getByRole('button', { name: flowText.en.send }).click(),
  ]);
  const outcome = async (page: Page) => {
    const taken = page.locator('.slot-taken');
    const receipt = page.locator('main h1', { hasText: /Din anmodning er|Your request/ });
    await expect(taken.or(receipt)).toBeVisible();
    return (await taken.count()) > 0 ? 'taken' : 'booked';
  };
  const results = { da: await outcome(da!), en: await outcome(en!) };
  expect(Object.values(results).sort()).toEqual(['booked', 'taken']);
  const loserLanguage = results.da === 'taken' ? 'da' : 'en';
  const winnerLanguage = loserLanguage === 'da' ? 'en' : 'da';
  const loser = loserLanguage === 'da' ? da! : en!;
  await (loser === da ? en! : da!).screenshot({ path: `test-results/screenshots/booking-booked-${winnerLanguage}.png`, fullPage: true });

  // The loser is told in their language, on the time's step, with the nearest free times.
  await expect(loser.locator('.slot-taken')).toContainText(loserLanguage === 'da' ? 'Tiden blev lige taget' : 'The time was just taken');
  await expect(loser.locator('.alert-error, .error-summary').first()).toContainText(
    loserLanguage === 'da' ? 'Tiden er lige blevet booket af en anden' : 'The time has just been booked by someone else',
  );
  const alternatives = loser.locator('.slot-taken button');
  expect(await alternatives.count()).toBeGreaterThan(0);
  // The taken time is no longer offered.
  await expect(loser.locator(`input[name="time"][value="${slot}"]`)).toHaveCount(0);
  await loser.screenshot({ path: `test-results/screenshots/booking-slot-taken-${loserLanguage}.png`, fullPage: true });
  await setLargePrint(loser, true);
  await loser.screenshot({ path: `test-results/screenshots/booking-slot-taken-${loserLanguage}-large.png`, fullPage: true });
  await setLargePrint(loser, false);

  // Taking an alternative returns to the check page with the other answers kept, and sends.
  await alternatives.first().click();
  await expect(loser.locator('main h1')).toHaveText(flowText[loserLanguage].check);
  await expect(loser.locator('main')).toContainText(loserLanguage === 'da' ? 'Karen Hansen' : 'John Smith');
  await loser.getByRole('button', { name: flowText[loserLanguage].send }).click();
  await expect(loser.locator('main h1')).toHaveText(/Din anmodning er|Your request/);

  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await office.newPage();
  await logInAt(staff, E2E_ADMIN);
  await staff.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Dagens tider' }).click();
  await expect(staff.locator('main h1')).toHaveText('Dagens tider');
  await staff.locator('#bookings-date').fill(slot.slice(0, 10));
  await staff.getByRole('button', { name: 'Vis' }).click();
  const row = staff.locator('table.staff-bookings tbody tr').filter({ hasText: names[winnerLanguage] });
  await expect(row).toHaveCount(1);
  // Three seats of that time: three rows under one time heading, the winner's among them.
  await expect(row).toHaveAttribute('data-slot', slot);
  await expect(staff.locator(`table.staff-bookings tr[data-slot="${slot}"]`)).toHaveCount(3);
  await expect(staff.locator('table.staff-bookings tbody th[rowspan="3"]')).toHaveText(slot.slice(11));
  // Once the request has arrived, the reference links to the case.
  await expect(async () => {
    await staff.getByRole('button', { name: 'Vis' }).click();
    await expect(row.locator('a')).toHaveCount(1, { timeout: 1000 });
  }).toPass();
  await expect(row).toContainText('Booket');
  await staff.screenshot({ path: 'test-results/screenshots/booking-day-view-da.png', fullPage: true });
  await staff.locator('.staff-language').click();
  await expect(staff.locator('main h1')).toHaveText("Today's bookings");
  await staff.screenshot({ path: 'test-results/screenshots/booking-day-view-en.png', fullPage: true });
  await row.locator('a').click();
  await expect(staff).toHaveURL(/\/staff\/submissions\//);
  await Promise.all([...contexts, office].map((c) => c.close()));
});

test('offline, the kiosk offers its own times and says the time is confirmed later; the server books it when the request arrives', async ({ browser }) => {
  test.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  const name = `Kiosk offline tid ${Date.now().toString(36)}`;
  await enrolKiosk(page, name);
  await page.goto('/service/book-time');
  await chooseLanguage(page, 'en');
  await page.locator(fieldId('topic')).check();
  await context.setOffline(true);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.slot-unconfirmed')).toHaveText('The kiosk is not connected right now. You can choose a time, and we will confirm it when your request has arrived.');
  await page.screenshot({ path: 'test-results/screenshots/booking-offline-en.png', fullPage: true });
  // The third day's first time: away from the times the race above and the forms tests take.
  await page.locator('input[name="time-day"]').nth(2).check();
  const slot = (await page.locator('.slot-times input').first().getAttribute('value'))!;
  await page.locator('.slot-times input').first().check();
  await fillRest(page, 'en');
  await page.getByRole('button', { name: flowText.en.send }).click();
  await expect(page.locator('main h1')).toHaveText(flowText.en.receipt);
  const reference = (await page.locator('.receipt-reference').innerText()).trim();
  await context.setOffline(false);
  await expect(page.locator('main h1')).toHaveText(flowText.en.sent, { timeout: 30_000 });

  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await office.newPage();
  await logInAt(staff, E2E_ADMIN);
  await staff.goto('/staff/bookings');
  await staff.locator('#bookings-date').fill(slot.slice(0, 10));
  await staff.getByRole('button', { name: 'Vis' }).click();
  const row = staff.locator('table.staff-bookings tbody tr').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.locator('a')).toHaveText(reference);
  await expect(row).toHaveAttribute('data-slot', slot);
  await expect(row).toContainText('Booket');
  await Promise.all([context.close(), office.close()]);
});
