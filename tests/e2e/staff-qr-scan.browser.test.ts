import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { requestType } from '#forms/index.ts';
import { newReference } from '#domain/reference.ts';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { writeQrVideo } from './support/qr-video.ts';
import { adminApi, E2E_ADMIN, logInAt, storeSubmission } from './support/staff.ts';

// The receipt's reference, made before the browser starts: Chromium's fake camera plays this file,
// the reference's QR code drawn as the receipt draws it (tests/e2e/support/qr-video.ts).
const reference = newReference();
const video = join(import.meta.dirname, '..', '..', 'test-results', `qr-scan-${reference}.y4m`);
writeQrVideo(video, reference);

// Its own browser: a fake camera that the caseworker has allowed. The other tests keep theirs.
test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

test('the camera reads the QR code of a real receipt and the search finds that case', async ({ page, request }) => {
  test.setTimeout(120_000);
  await adminApi(request);
  const type = 'change-of-address';
  const version = requestType(type)!.current;
  // Others beside it, so that a search that finds everything would fail.
  for (let i = 0; i < 3; i++) await storeSubmission(request, type, version, examplePayloads[type]!, 'E2E scankiosk', { reference: newReference() });
  await storeSubmission(request, type, version, examplePayloads[type]!, 'E2E scankiosk', { reference });

  await logInAt(page, E2E_ADMIN);
  const rows = page.locator('#inbox-table tbody tr');
  await expect(rows).not.toHaveCount(1);
  const scan = page.getByRole('button', { name: 'Scan QR-koden med kameraet' });
  await expect(scan).toBeVisible();
  await page.screenshot({ path: 'test-results/staff-qr-scan-da.png', fullPage: true });

  await scan.click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await expect(page.getByLabel('Reference, CPR-nummer eller navn')).toHaveValue(reference);
  // Read: the camera is off again and the button is back for the next receipt.
  await expect(page.locator('video')).toHaveCount(0);
  await expect(scan).toBeVisible();
  expect(await page.evaluate(() => new URL(location.href).pathname)).toBe('/staff');

  // In English, and the camera shown while it looks.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows).not.toHaveCount(1);
  await page.getByRole('button', { name: 'Scan the QR code with the camera' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await page.screenshot({ path: 'test-results/staff-qr-scan-en.png', fullPage: true });
});
