import { expect, test, type APIRequestContext } from '@playwright/test';
import { fillAddress, fillDate, fillText, choose, next } from './support/forms.ts';
import { adminApi } from './support/staff.ts';
import { heading, readyTablet, signInAndSetPin, tabletText, typePin } from './support/tablet.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/** The payloads of the 'staff-draft' submissions on the server sealed by `username`. */
async function rescuedDrafts(request: APIRequestContext, username: string): Promise<Record<string, unknown>[]> {
  await adminApi(request);
  const list = await request.get('/api/v1/staff/submissions?type=staff-draft&limit=10000');
  const found: Record<string, unknown>[] = [];
  for (const row of (await list.json()).submissions as { id: string }[]) {
    const payload = (await (await request.get(`/api/v1/staff/submissions/${row.id}`)).json()).payload as Record<string, unknown>;
    if (payload.assistedBy === username) found.push(payload);
  }
  return found;
}

test('five wrong PINs wipe the drafts key only after the unfinished visit is queued; it reaches the office as a staff draft', async ({ page, request }) => {
  test.setTimeout(120_000);
  const staff = await readyTablet(page, request, 'pin');
  await page.locator('#start-home-visit').click();
  await fillDate(page, 'visitDate', today());
  await choose(page, 'scheme', 'nemid', 'mitid');
  await fillText(page, 'name', 'Karen Redning');
  await fillText(page, 'cpr', '010190-1234');
  await fillAddress(page, 'registeredAddress', { street: 'Vestergade', number: '3', postcode: '5000' });
  await next(page);
  await expect(page.locator('.tablet-draft-status')).toHaveText('Besøget er gemt krypteret på tabletten.');
  await page.locator('#tablet-lock').click();

  const wrongPin = async (left: number) => {
    await typePin(page, '000000');
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(`Du har ${left} forsøg tilbage`);
    await expect(summary).toBeFocused();
    await expect(page.locator('#pin-unlock')).toHaveAttribute('aria-invalid', 'true');
  };
  await wrongPin(4);
  await wrongPin(3);
  // Closing the tablet does not reset the count, and the locked screen says so before the next try.
  await page.reload();
  await expect(page.locator('main')).toContainText('Der er tastet forkert pinkode tidligere. Du har 3 forsøg tilbage.');
  await wrongPin(2);
  await wrongPin(1);
  await page.screenshot({ path: 'test-results/screenshots/tablet-wrong-pin-da.png', fullPage: true });
  await typePin(page, '000000');
  await expect(heading(page)).toHaveText(tabletText.da.signIn);
  await expect(page.locator('main')).toContainText('Tabletten blev låst efter 5 forkerte pinkoder');
  await expect(page.locator('main')).toContainText('1 ufærdigt besøg blev sendt krypteret til kontoret.');
  await page.screenshot({ path: 'test-results/screenshots/tablet-wiped-da.png', fullPage: true });

  // The sealed copy reaches the server with the answers so far, marked with who made them.
  await expect.poll(() => rescuedDrafts(request, staff.username), { timeout: 45_000 }).toHaveLength(1);
  const [rescued] = await rescuedDrafts(request, staff.username);
  expect(rescued).toMatchObject({ type: 'staff-draft', assisted: true, assistedBy: staff.username, data: { formId: 'home-visit', stepIndex: 1 } });
  expect((rescued!.data as { answers: Record<string, unknown> }).answers).toMatchObject({ name: 'Karen Redning' });

  // Signed in again, the tablet has no drafts: the key that could read them is gone.
  await signInAndSetPin(page, staff);
  await expect(page.locator('main')).toContainText('Der er ingen ufærdige besøg.');
});
