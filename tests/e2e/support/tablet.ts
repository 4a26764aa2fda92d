import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { enrolKiosk } from './enrol.ts';
import { adminApi, createCaseworker } from './staff.ts';

/** Helpers for the staff tablet's browser tests (tests/e2e/tablet-*.browser.test.ts). */

export const TABLET_PIN = '246813';

export const tabletText = {
  da: { signIn: 'Log ind', setPin: 'Vælg en pinkode', home: 'Hjemmebesøg og betjening', locked: 'Tabletten er låst', outbox: 'Udbakke' },
  en: { signIn: 'Log in', setPin: 'Choose a PIN', home: 'Home visits and service', locked: 'The tablet is locked', outbox: 'Outbox' },
} as const;

/** A caseworker of the test's own (failed logins lock a username, and tests run side by side). */
export async function tabletStaff(request: APIRequestContext, prefix = 'tab'): Promise<{ username: string; password: string }> {
  await adminApi(request);
  return createCaseworker(request, prefix);
}

export const enrolTablet = (page: Page, name = 'E2E tablet') => enrolKiosk(page, name, 'tablet');

export const heading = (page: Page) => page.locator('main h1');

/** The online sign-in on /tablet, then the PIN twice; ends on the tablet's home screen. */
export async function signInAndSetPin(page: Page, user: { username: string; password: string }, pin = TABLET_PIN): Promise<void> {
  await page.goto('/tablet');
  await expect(heading(page)).toHaveText(tabletText.da.signIn);
  await page.locator('#signin-username').fill(user.username);
  await page.locator('#signin-password').fill(user.password);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.setPin);
  await page.locator('#pin-new').fill(pin);
  await page.locator('#pin-again').fill(pin);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
}

/** Types a PIN on the locked screen and presses Unlock. */
export async function typePin(page: Page, pin: string): Promise<void> {
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await page.locator('#pin-unlock').fill(pin);
  await page.locator('main form button[type="submit"]').click();
}

export async function unlockTablet(page: Page, pin = TABLET_PIN): Promise<void> {
  await typePin(page, pin);
  await expect(heading(page)).toHaveText(tabletText.da.home);
}

/** Enrols a tablet, signs a new caseworker in online and sets the PIN: the tablet is open on its home screen. */
export async function readyTablet(page: Page, request: APIRequestContext, prefix: string): Promise<{ username: string; password: string }> {
  const user = await tabletStaff(request, prefix);
  await enrolTablet(page, `Tablet ${prefix}`);
  await signInAndSetPin(page, user);
  return user;
}

/** Rows of the outbox view as [reference, state] pairs. */
export async function outboxRows(page: Page): Promise<{ reference: string; state: string }[]> {
  return page.locator('#tablet-outbox tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ reference: r.getAttribute('data-reference') ?? '', state: r.getAttribute('data-state') ?? '' })),
  );
}

/** Opens a new page in the same context: the tablet "closed and reopened". */
export async function reopen(context: BrowserContext, old: Page, path = '/tablet'): Promise<Page> {
  await old.close();
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** The decrypted payload the server holds for `reference` (the admin API; `request` must be logged in as admin). */
export async function serverPayload(request: APIRequestContext, type: string, reference: string): Promise<Record<string, unknown> | undefined> {
  const list = await request.get(`/api/v1/staff/submissions?type=${encodeURIComponent(type)}&limit=10000`);
  expect(list.status(), await list.text()).toBe(200);
  const row = ((await list.json()).submissions as { id: string; reference: string }[]).find((s) => s.reference === reference);
  if (!row) return undefined;
  const detail = await request.get(`/api/v1/staff/submissions/${row.id}`);
  expect(detail.status()).toBe(200);
  return (await detail.json()).payload as Record<string, unknown>;
}

/**
 * Fills in 'block-digital-id' as assisted service from the tablet's home screen and sends it;
 * answers the receipt's reference and returns to the home screen. `refused`: the server answers
 * every submission `invalid`, so the receipt must come to say so, in the tablet's words.
 */
export async function sendAssistedBlock(page: Page, citizen = 'Karen Hansen', { refused = false } = {}): Promise<string> {
  const { choose, fillText, next } = await import('./forms.ts');
  await page.locator('a[href="/tablet/service/block-digital-id"]').click();
  await expect(page.locator('main')).toContainText('Assisteret betjening');
  await choose(page, 'scheme', 'nemid', 'nemid');
  await next(page);
  await next(page); // the number to call now
  await choose(page, 'lost', 'key-card', 'key-card');
  await fillText(page, 'details', 'Pungen blev stjålet.');
  await next(page);
  await fillText(page, 'name', citizen);
  await fillText(page, 'cpr', '010190-1234');
  await fillText(page, 'phone', '12 34 56 78');
  await next(page);
  await expect(heading(page)).toHaveText('Tjek dine svar');
  await page.getByRole('button', { name: 'Send anmodningen' }).click();
  // "Sent" when the tablet reached the server at once, "saved" when the request waits in its outbox.
  await expect(heading(page)).toHaveText(/^(Din anmodning er sendt|Anmodningen er gemt på tabletten)$/);
  const reference = (await page.locator('.receipt-reference').innerText()).trim();
  if (refused) {
    // Said to the staff member holding the tablet, not to a citizen at a kiosk's counter.
    await expect(page.locator('.receipt-status')).toHaveText('Kommunen kunne ikke tage imod den fra tabletten. Åbn udbakken for at se hvorfor. Derfra kan du sende den igen eller kassere den.', { timeout: 15_000 });
    await expect(heading(page)).toHaveText('Anmodningen er gemt på tabletten');
    await page.screenshot({ path: 'test-results/screenshots/tablet-receipt-refused-da.png', fullPage: true });
  }
  await page.getByRole('button', { name: 'Afslut' }).click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  return reference;
}
