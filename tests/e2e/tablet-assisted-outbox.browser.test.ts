import { expect, test } from '@playwright/test';
import type { Envelope } from '#contract/v1.ts';
import { adminApi } from './support/staff.ts';
import { heading, outboxRows, readyTablet, sendAssistedBlock, serverPayload, tabletText } from './support/tablet.ts';

test('an assisted form reaches the server marked assisted, with the staff member who filled it in', async ({ page, request }) => {
  const staff = await readyTablet(page, request, 'assist');
  const reference = await sendAssistedBlock(page);

  await adminApi(request);
  await expect.poll(() => serverPayload(request, 'block-digital-id', reference), { timeout: 30_000 }).toMatchObject({
    type: 'block-digital-id',
    reference,
    assisted: true,
    assistedBy: staff.username,
  });
  // The name the back office lists is the one the server vouches for: the staff credential the
  // tablet got at sign-in, not the sealed text.
  const list = await request.get('/api/v1/staff/submissions?type=block-digital-id&limit=10000');
  const row = ((await list.json()).submissions as { reference: string; assistedBy: string | null }[]).find((s) => s.reference === reference);
  expect(row?.assistedBy).toBe(staff.username);
  // The header counts it as sent, and says when.
  await expect(page.locator('#tablet-sync-status')).toContainText('0 venter på at blive sendt');
  await expect(page.locator('#tablet-sync-status')).toContainText('Sidst synkroniseret');
});

test('the outbox view shows a rejected item with the server\'s reason; it can be sent again, and discarding needs a reason', async ({ page, context, request }) => {
  const staff = await readyTablet(page, request, 'outbox');
  // The server refuses every submission while this route is in place (the service worker's requests too).
  await context.route('**/api/v1/submissions', async (route) => {
    const { submissions } = route.request().postDataJSON() as { submissions: Envelope[] };
    await route.fulfill({
      json: { results: submissions.map((e) => ({ id: e.id, reference: e.reference, status: 'invalid', errors: [{ path: 'data.cpr', code: 'format' }] })) },
    });
  });
  const first = await sendAssistedBlock(page, 'Karen Hansen', { refused: true });
  const second = await sendAssistedBlock(page, 'Ole Hansen', { refused: true });

  await page.locator('a[href="/tablet/outbox"]').first().click();
  await expect(heading(page)).toHaveText(tabletText.da.outbox);
  await expect.poll(() => outboxRows(page)).toEqual([
    { reference: second, state: 'rejected' },
    { reference: first, state: 'rejected' },
  ]);
  const firstRow = page.locator(`#tablet-outbox tr[data-reference="${first}"]`);
  await expect(firstRow).toContainText('Afvist');
  await expect(firstRow).toContainText('Serveren afviste indholdet som ugyldigt');
  await expect(firstRow).toContainText('data.cpr: format');
  await expect(page.locator('#tablet-sync-status')).toContainText('2 afvist');
  await page.screenshot({ path: 'test-results/screenshots/tablet-outbox-rejected-da.png', fullPage: true });

  // The server accepts again: "Send again" takes the first one there.
  await context.unroute('**/api/v1/submissions');
  await firstRow.getByRole('button', { name: `Send ${first} igen` }).click();
  await expect(firstRow).toHaveAttribute('data-state', 'stored', { timeout: 30_000 });
  await adminApi(request);
  await expect.poll(() => serverPayload(request, 'block-digital-id', first)).toMatchObject({ reference: first, assisted: true, assistedBy: staff.username });

  // Discarding the second one asks first, and refuses without a reason.
  const secondRow = page.locator(`#tablet-outbox tr[data-reference="${second}"]`);
  await secondRow.getByRole('button', { name: `Kassér ${second}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`Kassér ${second}?`);
  await dialog.getByRole('button', { name: 'Fortryd' }).click();
  await expect(dialog).toBeHidden();
  await expect(secondRow).toHaveAttribute('data-state', 'rejected');

  await secondRow.getByRole('button', { name: `Kassér ${second}` }).click();
  await dialog.getByRole('button', { name: 'Kassér henvendelsen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Skriv en begrundelse for at kassere henvendelsen');
  await expect(dialog.getByRole('alert')).toBeFocused();
  await expect(secondRow).toHaveAttribute('data-state', 'rejected');
  await page.screenshot({ path: 'test-results/screenshots/tablet-outbox-discard-da.png', fullPage: true });
  await dialog.getByLabel('Begrundelse').fill('Borgeren fik hjælp ved skranken');
  await dialog.getByRole('button', { name: 'Kassér henvendelsen' }).click();
  await expect(dialog).toBeHidden();
  await expect(secondRow).toHaveAttribute('data-state', 'discarded');
  await expect(secondRow).toContainText(`Kasseret af ${staff.username}`);
  await expect(secondRow).toContainText('Borgeren fik hjælp ved skranken');
  await adminApi(request);
  expect(await serverPayload(request, 'block-digital-id', second)).toBeUndefined();
});
