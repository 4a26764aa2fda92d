import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoRawKeys } from './support/kiosk.ts';
import { fieldId, fillText } from './support/forms.ts';
import { reloadUnderServiceWorker } from './support/service-worker.ts';
import { adminApi, E2E_ADMIN, expectNoAxeViolations, logInAt } from './support/staff.ts';
import { enrolTablet, heading, outboxRows, sendAssistedBlock, signInAndSetPin, tabletStaff, tabletText } from './support/tablet.ts';

/**
 * Two staff members on one tablet: each signs in online and chooses a PIN of their own; one
 * person's PIN never opens the other's drafts; switching locks; logging out warns about unsent
 * drafts, deletes them and keeps what is queued; the back office credits each person's work.
 */

const ANNA_PIN = '482916';
const BO_PIN = '739264';

const PORTRAIT = { width: 800, height: 1280 };
const LANDSCAPE = { width: 1280, height: 800 };

/** axe, no raw keys, and screenshots of what is on screen now, Danish and English, portrait and landscape; back in Danish portrait. */
async function lookAt(page: Page, name: string, check: Record<'da' | 'en', () => Promise<void>>): Promise<void> {
  for (const [orientation, size] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
    await page.setViewportSize(size);
    for (const language of ['en', 'da'] as const) {
      await chooseLanguage(page, language);
      await check[language]();
      await expectNoRawKeys(page);
      if (orientation === 'portrait') await expectNoAxeViolations(page, `${name} ${language}`);
      await page.screenshot({ path: `test-results/screenshots/${name}-${language}-${orientation}.png`, fullPage: true });
    }
  }
}

const who = (page: Page, username: string) => page.locator(`input[name="unlock-who"][value="${username}"]`);

async function unlockAs(page: Page, username: string, pin: string): Promise<void> {
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  if ((await page.locator('input[name="unlock-who"]').count()) > 0) await who(page, username).check();
  await page.locator('#pin-unlock').fill(pin);
  await page.locator('main form button[type="submit"]').click();
}

async function stored(request: import('@playwright/test').APIRequestContext, reference: string): Promise<{ id: string; assistedBy: string | null } | undefined> {
  const list = await request.get('/api/v1/staff/submissions?type=block-digital-id&limit=10000');
  expect(list.status()).toBe(200);
  return ((await list.json()).submissions as { id: string; reference: string; assistedBy: string | null }[]).find((s) => s.reference === reference);
}

const assistedBy = async (request: import('@playwright/test').APIRequestContext, reference: string) => (await stored(request, reference))?.assistedBy;

test('two staff members share one tablet: own PINs, own drafts, switching, logging out, and each credited with their own work', async ({ page, context, request, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(PORTRAIT);
  const anna = await tabletStaff(request, 'anna');
  const bo = await tabletStaff(request, 'bo');
  await enrolTablet(page, 'Delt tablet');

  // Anna signs in online, chooses her PIN, and starts a home visit; locking saves it as her draft.
  await signInAndSetPin(page, anna, ANNA_PIN);
  await reloadUnderServiceWorker(page);
  await unlockAs(page, anna.username, ANNA_PIN);
  await expect(heading(page)).toHaveText(tabletText.da.home);
  const annasWork = await sendAssistedBlock(page, 'Karen Hansen');
  await page.locator('#start-home-visit').click();
  await fillText(page, 'name', 'Karen Sørensen');
  const annasVisit = new URL(page.url()).pathname;
  await page.locator('#tablet-lock').click();

  // Bo is added from the locked tablet through the online sign-in, with a PIN of his own.
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await page.locator('#unlock-add-staff').click();
  await expect(heading(page)).toHaveText('Log ind som en anden medarbejder');
  // Cancel goes back to the people already here.
  await page.locator('#add-staff-cancel').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await page.locator('#unlock-add-staff').click();
  await lookAt(page, 'tablet-shared-add-staff', {
    en: () => expect(heading(page)).toHaveText('Log in as another staff member'),
    da: () => expect(heading(page)).toHaveText('Log ind som en anden medarbejder'),
  });
  await page.locator('#signin-username').fill(bo.username);
  await page.locator('#signin-password').fill(bo.password);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.setPin);
  await page.locator('#pin-new').fill(BO_PIN);
  await page.locator('#pin-again').fill(BO_PIN);
  await page.locator('main form button[type="submit"]').click();
  // Someone else than the person who locked: home, never Anna's form.
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await expect(page.locator('main')).toContainText(`Logget ind som ${bo.username}.`);
  await expect(page.locator('main')).toContainText('Der er ingen ufærdige besøg.');
  const bosWork = await sendAssistedBlock(page, 'Ole Hansen');

  // Bo cannot open Anna's visit: at her visit's address he gets an empty form of his own.
  await page.locator('#tablet-lock').click();
  await page.goto(annasVisit);
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await expect(who(page, bo.username)).toBeChecked(); // the person who used it last
  // Anna's PIN under Bo's name is just a wrong PIN.
  await unlockAs(page, bo.username, ANNA_PIN);
  await expect(page.locator('#pin-unlock-error')).toContainText('Forkert pinkode');
  await unlockAs(page, bo.username, BO_PIN);
  await expect(page.locator(fieldId('name'))).toHaveValue('');
  await expect(page.locator('main')).not.toContainText('Karen Sørensen');

  // Switching staff member locks the tablet; the lock screen asks who is there.
  await page.locator('main a.back-link, header a[href="/tablet"]').first().click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await page.locator('#switch-staff').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await lookAt(page, 'tablet-shared-unlock', {
    en: () => expect(page.locator('main fieldset legend')).toHaveText('Who are you?'),
    da: () => expect(page.locator('main fieldset legend')).toHaveText('Hvem er du?'),
  });
  await unlockAs(page, anna.username, ANNA_PIN);
  await expect(heading(page)).toHaveText(tabletText.da.home);
  // Anna's draft is hers, and opens with her answers.
  const drafts = page.locator('.tablet-drafts a');
  await expect(drafts).toHaveCount(1);
  await drafts.first().click();
  await expect(page.locator(fieldId('name'))).toHaveValue('Karen Sørensen');

  // Offline, Anna queues one more request, then logs out: her draft goes after a warning; the queued request stays.
  await page.locator('header a[href="/tablet"]').click();
  await context.setOffline(true);
  const queued = await sendAssistedBlock(page, 'Mette Hansen');
  await page.locator('#sign-out').click();
  await expect(heading(page)).toHaveText('Log ud af tabletten');
  await expect(page.locator('#sign-out-drafts-warning')).toContainText('Du har 1 ufærdig kladde, som ikke er sendt');
  await page.locator('#sign-out-submit').click();
  await expect(page.locator('main [role="alert"]').first()).toContainText('Sæt flueben');
  await lookAt(page, 'tablet-shared-sign-out', {
    en: () => expect(page.locator('#sign-out-drafts-warning')).toContainText('You have 1 unfinished draft that has not been sent'),
    da: () => expect(page.locator('#sign-out-drafts-warning')).toContainText('Du har 1 ufærdig kladde, som ikke er sendt'),
  });
  await page.locator('#sign-out-confirm').check();
  await page.locator('#sign-out-submit').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await expect(page.locator('main')).toContainText(`${anna.username} er logget ud af tabletten`);
  // Only Bo is left: his name, no choice to make.
  await expect(page.locator('input[name="unlock-who"]')).toHaveCount(0);
  await expect(page.locator('main .font-lead')).toContainText(bo.username);

  // Back online, Bo opens the tablet and the outbox sends what Anna queued.
  await context.setOffline(false);
  await unlockAs(page, bo.username, BO_PIN);
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await page.locator('a[href="/tablet/outbox"]').first().click();
  await expect(heading(page)).toHaveText(tabletText.da.outbox);
  await page.getByRole('button', { name: 'Send nu', exact: true }).first().click();
  await expect.poll(async () => (await outboxRows(page)).find((r) => r.reference === queued)?.state, { timeout: 45_000 }).toBe('stored');

  // The back office credits each request to the person who sealed it, from their own credential.
  await adminApi(request);
  await expect.poll(() => assistedBy(request, annasWork), { timeout: 30_000 }).toBe(anna.username);
  expect(await assistedBy(request, bosWork)).toBe(bo.username);
  expect(await assistedBy(request, queued)).toBe(anna.username);
  // Anna's logging out reached the audit log once the tablet was online again.
  await expect
    .poll(async () => ((await (await request.get('/api/v1/staff/audit?action=tablet_staff_signed_out')).json()).entries as { detail: { username?: string } }[]).map((e) => e.detail.username), { timeout: 30_000 })
    .toContain(anna.username);

  // As the back office shows it: the request Anna queued before she logged out is hers.
  const office = await browser.newContext();
  try {
    const desk = await office.newPage();
    await logInAt(desk, E2E_ADMIN);
    await desk.goto(`/staff/submissions/${(await stored(request, queued))!.id}`);
    await expect(desk.locator('main')).toContainText(`En medarbejder for borgeren (assisteret) – ${anna.username}`);
    await desk.screenshot({ path: 'test-results/screenshots/tablet-shared-credited-da.png', fullPage: true });
  } finally {
    await office.close();
  }
});

test("five wrong PINs at one person's name wipe that person only: the others still unlock, and the audit log names whose it was", async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PORTRAIT);
  const anna = await tabletStaff(request, 'anna');
  const bo = await tabletStaff(request, 'bo');
  await enrolTablet(page, 'Delt tablet 2');
  await signInAndSetPin(page, anna, ANNA_PIN);
  await page.locator('#tablet-lock').click();
  await page.locator('#unlock-add-staff').click();
  await page.locator('#signin-username').fill(bo.username);
  await page.locator('#signin-password').fill(bo.password);
  await page.locator('main form button[type="submit"]').click();
  await page.locator('#pin-new').fill(BO_PIN);
  await page.locator('#pin-again').fill(BO_PIN);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await page.locator('#start-home-visit').click();
  await fillText(page, 'name', 'Ole Hansen');
  await page.locator('#tablet-lock').click();

  // Someone tries PINs at Bo's name.
  for (let left = 4; left > 0; left--) {
    await unlockAs(page, bo.username, '000000');
    await expect(page.locator('#pin-unlock-error')).toContainText(`Du har ${left} forsøg tilbage`);
  }
  await unlockAs(page, bo.username, '000000');
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await expect(page.locator('main')).toContainText('Tabletten blev låst efter 5 forkerte pinkoder');
  await expect(page.locator('main')).toContainText(`Pinkoden og kladderne for ${bo.username} er slettet fra tabletten`);
  await lookAt(page, 'tablet-shared-wiped', {
    en: () => expect(page.locator('main')).toContainText(`The PIN and drafts of ${bo.username} have been deleted from the tablet`),
    da: () => expect(page.locator('main')).toContainText(`Pinkoden og kladderne for ${bo.username} er slettet fra tabletten`),
  });
  // Only Anna is left, and her PIN opens the tablet as before.
  await expect(page.locator('input[name="unlock-who"]')).toHaveCount(0);
  await unlockAs(page, anna.username, ANNA_PIN);
  await expect(heading(page)).toHaveText(tabletText.da.home);

  // Bo's unfinished visit reached the office as his staff draft, and the wipe the audit log, naming him.
  await adminApi(request);
  await expect
    .poll(async () => ((await (await request.get('/api/v1/staff/audit?action=tablet_wiped')).json()).entries as { detail: { username?: string } }[]).map((e) => e.detail.username), { timeout: 30_000 })
    .toContain(bo.username);
  await expect
    .poll(async () => ((await (await request.get('/api/v1/staff/submissions?type=staff-draft&limit=10000')).json()).submissions as { assistedBy: string | null }[]).map((s) => s.assistedBy), { timeout: 30_000 })
    .toContain(bo.username);
});
