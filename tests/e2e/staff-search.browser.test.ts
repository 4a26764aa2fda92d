import { expect, test } from '@playwright/test';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { requestType } from '#forms/index.ts';
import { newReference } from '#domain/reference.ts';
import { adminApi, E2E_ADMIN, logInAt, storeSubmission } from './support/staff.ts';

const type = 'change-of-address';
const TARGET = { name: 'Åse Bøgh-Lærkesen', cpr: '1708734411' };

test('the inbox search finds a case by its reference (with and without hyphens), CPR number and name, and says when a reference is mistyped', async ({ page, request }) => {
  test.setTimeout(180_000);
  await adminApi(request);
  const version = requestType(type)!.current;
  // Others around it, so that a search that finds everything would fail.
  for (let i = 0; i < 12; i++) {
    await storeSubmission(request, type, version, { ...examplePayloads[type], name: `Karen Hansen ${'ABCDEFGHIJKL'[i]}`, cpr: `30039${String(i).padStart(5, '0')}` }, 'E2E søgekiosk', { reference: newReference() });
  }
  let reference = newReference();
  while (!/\d/.test(reference)) reference = newReference();
  await storeSubmission(request, type, version, { ...examplePayloads[type], name: TARGET.name, cpr: TARGET.cpr }, 'E2E søgekiosk', { reference });

  await logInAt(page, E2E_ADMIN);
  const field = page.getByLabel('Reference, CPR-nummer eller navn');
  // A scanner types into the focused field: the field has the focus on arrival.
  await expect(field).toBeFocused();
  const rows = page.locator('#inbox-table tbody tr');

  const searchFor = async (text: string) => {
    await field.fill(text);
    await field.press('Enter');
  };
  for (const text of [reference.replace(/-/g, '').toLowerCase(), reference, `${TARGET.cpr.slice(0, 6)}-${TARGET.cpr.slice(6)}`, 'bøgh-lærkesen', 'åse']) {
    await searchFor(text);
    await expect(rows, text).toHaveCount(1);
    await expect(rows.first(), text).toContainText(reference);
    await expect(rows.first(), text).toContainText(TARGET.name);
  }
  await expect(page.locator('#inbox-count')).toContainText('Viser 1–1 af 1');
  await page.screenshot({ path: 'test-results/staff-search-found.png', fullPage: true });

  const wrong = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
  await searchFor(wrong);
  await expect(page.locator('.alert-error')).toContainText('Kontrolbogstavet passer ikke');

  await page.getByRole('button', { name: 'Ryd søgning' }).click();
  await expect(rows).not.toHaveCount(1);
  await expect(page.locator('#inbox-count')).toContainText(/Viser 1–\d+ af \d+/);
});
