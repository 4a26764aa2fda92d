import { expect, test } from '@playwright/test';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { requestType } from '#forms/index.ts';
import { adminApi, E2E_ADMIN, logInAt, storeSubmission } from './support/staff.ts';

// A 1×1 PNG, as the signature pad would send (much smaller).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// What a caseworker must never read: a key, a camelCase field name or an option code.
const RAW = /fields\.|\.label\b|\.options\.|rules:|form-[a-z-]+:|\b[a-z]+[A-Z][a-zA-Z]*\b|^(nearest|mitid|rented|health-card|true|false)$/m;

test('shows every answer with the form’s own Danish words: CPR as DDMMYY-SSSS, people moving as a sub-list, a drawn signature with alt text', async ({ page, request }) => {
  await adminApi(request);
  const poa = { ...examplePayloads['power-of-attorney'], signature: { method: 'drawn', image: PNG } };
  const { reference: poaReference } = await storeSubmission(request, 'power-of-attorney', requestType('power-of-attorney')!.current, poa);
  const { reference: moveReference } = await storeSubmission(request, 'change-of-address', requestType('change-of-address')!.current, examplePayloads['change-of-address']);
  const { reference: housingReference } = await storeSubmission(request, 'housing-benefit', requestType('housing-benefit')!.current, examplePayloads['housing-benefit']);

  await logInAt(page, E2E_ADMIN);
  await page.getByRole('link', { name: poaReference }).click();
  const answers = page.locator('section[aria-labelledby="answers-heading"]');
  await expect(answers).toContainText('010190-1234');
  await expect(answers.getByRole('img', { name: 'Underskrift: Din underskrift' })).toBeVisible();
  expect(await answers.innerText()).not.toMatch(RAW);

  await page.getByRole('link', { name: 'Tilbage til indbakken' }).click();
  await page.getByRole('link', { name: moveReference }).click();
  await expect(answers.getByText('Dit CPR-nummer')).toBeVisible();
  await expect(answers).toContainText('Østergade 12, 2 th');
  await expect(answers).toContainText('1. december 2026');
  await expect(answers).toContainText('En læge tæt på min nye adresse');
  const movers = answers.locator('ol.staff-answer-list > li');
  await expect(movers).toHaveCount(1);
  await expect(movers.first()).toContainText('Person 1');
  await expect(movers.first()).toContainText('Ida Hansen');
  await expect(movers.first()).toContainText('150515-2345');
  expect(await answers.innerText()).not.toMatch(RAW);
  await page.screenshot({ path: 'test-results/screenshots/staff-answers-da.png', fullPage: true });

  // English on request, and still English after a reload.
  await page.getByRole('button', { name: 'Change language to English' }).click();
  await expect(answers.getByText('Your CPR number')).toBeVisible();
  await page.reload();
  await expect(answers.getByText('Your CPR number')).toBeVisible();
  await expect(answers).toContainText('1 December 2026');
  expect(await answers.innerText()).not.toMatch(RAW);
  await page.screenshot({ path: 'test-results/screenshots/staff-answers-en.png', fullPage: true });

  await page.goBack();
  await page.getByRole('link', { name: housingReference }).click();
  await expect(answers).toContainText('010190-1234');
  expect(await answers.innerText()).not.toMatch(RAW);
});
