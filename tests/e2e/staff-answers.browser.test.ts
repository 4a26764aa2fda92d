import { expect, test } from '@playwright/test';
import { examplePayloads } from '../../src/forms/definitions/examples.ts';
import { requestType } from '../../src/forms/index.ts';
import { adminApi, E2E_ADMIN, logInAt, storeSubmission } from './support/staff.ts';

// A 1×1 PNG, as the signature pad would send (much smaller).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('shows every answer unmasked: nested fields, rows as a table, and a drawn signature as an image with alt text', async ({ page, request }) => {
  await adminApi(request);
  const poa = { ...examplePayloads['power-of-attorney'], signature: { method: 'drawn', image: PNG } };
  const { reference: poaReference } = await storeSubmission(request, 'power-of-attorney', requestType('power-of-attorney')!.current, poa);
  const { reference: moveReference } = await storeSubmission(request, 'change-of-address', requestType('change-of-address')!.current, examplePayloads['change-of-address']);

  await logInAt(page, E2E_ADMIN);
  await page.getByRole('link', { name: poaReference }).click();
  const answers = page.locator('section[aria-labelledby="answers-heading"]');
  await expect(answers).toContainText('0101901234');
  await expect(answers.getByRole('img', { name: 'Underskrift: Signature, image' })).toBeVisible();

  await page.getByRole('link', { name: 'Tilbage til indbakken' }).click();
  await page.getByRole('link', { name: moveReference }).click();
  await expect(answers.locator('dl dl').first()).toContainText('Østergade');
  await expect(answers.getByRole('table')).toContainText('Ida Hansen');
  await expect(answers.getByRole('columnheader', { name: 'Mover cpr' })).toBeVisible();
});
