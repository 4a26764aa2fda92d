import { expect, test } from '@playwright/test';
import { adminApi, E2E_ADMIN, expectNoAxeViolations, logInAt } from './support/staff.ts';

/**
 * What staff tablets send, before the forms that send it exist on this server: the answers
 * of the staff API are stood in for with page.route, so that the back office's rendering is tested
 * on the exact shapes (a rescued draft, a type with no translation yet).
 */

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const DRAFT_ID = '0f0e0d0c-0b0a-4908-8706-050403020100';
const NEW_TYPE = 'home-visit-witness';

const row = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  id,
  reference: 'K7QM-3XRT-9PWA',
  type,
  status: 'received',
  createdAt: '2026-11-23T10:00:00.000Z',
  receivedAt: '2026-11-23T10:05:00.000Z',
  deviceId: '11111111-2222-4333-8444-555555555555',
  deviceName: 'Hjemmebesøg 1',
  deviceKind: 'tablet',
  assisted: true,
  assistedBy: 'anne',
  ...extra,
});

test('a rescued draft is shown as such, with its fields and any answers it holds', async ({ page, request }) => {
  await adminApi(request);
  await logInAt(page, E2E_ADMIN);
  await page.route(`**/api/v1/staff/submissions/${DRAFT_ID}`, (route) =>
    route.fulfill({
      json: {
        ...row(DRAFT_ID, 'staff-draft'),
        schemaVersion: 1,
        allowedTransitions: ['in_progress', 'rejected'],
        history: [{ at: '2026-11-23T10:05:00.000Z', from: null, to: 'received', note: null, actor: 'device:11111111-2222-4333-8444-555555555555' }],
        payload: {
          type: 'staff-draft',
          schemaVersion: 1,
          reference: 'K7QM-3XRT-9PWA',
          createdAt: '2026-11-23T10:00:00.000Z',
          assisted: true,
          assistedBy: 'anne',
          data: {
            formId: 'get-digital-id',
            formVersion: 1,
            stepIndex: 2,
            savedAt: '2026-11-23T09:58:00.000Z',
            staffUsername: 'anne',
            answers: { applicant: { name: 'Ida Hansen', documents: [{ kind: 'passport' }, 'health card'] }, witness: { signature: PNG }, odd: [[1, 2], null, { deep: { deeper: [true] } }] },
            tabletNote: 'locked after 5 wrong PINs',
          },
        },
      },
    }),
  );
  await page.route(`**/api/v1/staff/audit?target=${DRAFT_ID}`, (route) => route.fulfill({ json: { entries: [], subjects: {} } }));

  await page.goto(`/staff/submissions/${DRAFT_ID}`);
  const answers = page.locator('section[aria-labelledby="answers-heading"]');
  // Said first, before anything is read or done: this is not a request the citizen sent.
  await expect(page.locator('h1 + #rescued-draft')).toContainText('Ufærdig kladde reddet fra en tablet');
  await expect(page.locator('#submission-assisted')).toContainText('En medarbejder for borgeren (assisteret) – anne');
  const fields = answers.locator('dl.staff-summary').first();
  await expect(fields).toContainText('Få et digitalt ID i Borgerservice');
  await expect(fields).toContainText('Standsede ved trin3');
  await expect(fields).toContainText('Medarbejderanne');
  await expect(answers).toContainText('Ida Hansen');
  await expect(answers).toContainText('health card');
  await expect(answers.getByRole('img', { name: 'Underskrift: Witness, signature' })).toBeVisible();
  await expect(answers.getByRole('heading', { name: 'Andre oplysninger i kladden' })).toBeVisible();
  await expect(answers).toContainText('locked after 5 wrong PINs');
  await page.screenshot({ path: 'test-results/screenshots/staff-rescued-draft-da.png', fullPage: true });
  await expectNoAxeViolations(page, 'rescued draft');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#rescued-draft')).toContainText('Unfinished draft rescued from a tablet');
  await expect(page.locator('#submission-assisted')).toContainText('Staff for the citizen (assisted) – anne');
  await expectNoAxeViolations(page, 'rescued draft in English');
});

test('a type without a translation is listed, filtered and shown by its id', async ({ page, request }) => {
  await adminApi(request);
  await page.route('**/api/v1/staff/submission-types', (route) => route.fulfill({ json: { types: ['device-test', NEW_TYPE] } }));
  await page.route(/\/api\/v1\/staff\/submissions\?/, (route) => {
    const url = new URL(route.request().url());
    const rows = url.searchParams.get('type') === NEW_TYPE || !url.searchParams.get('type') ? [row(DRAFT_ID, NEW_TYPE)] : [];
    return route.fulfill({ json: { submissions: rows, total: rows.length } });
  });
  await logInAt(page, E2E_ADMIN);
  await page.getByLabel('Type', { exact: true }).selectOption(NEW_TYPE);
  await expect(page.getByLabel('Type', { exact: true }).locator('option:checked')).toHaveText(NEW_TYPE);
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  const first = page.locator('#inbox-table tbody tr').first();
  await expect(first).toContainText(NEW_TYPE);
  await expect(first).toContainText('Assisteret');
  await expect(first).toContainText('Hjemmebesøg 1 (Tablet)');
  await expect(page.locator('a[download]')).toHaveAttribute('href', `/api/v1/staff/submissions.csv?type=${NEW_TYPE}&sort=-receivedAt`);
  await expectNoAxeViolations(page, 'inbox with an untranslated type');
});
