import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { EnrollResponse } from '#contract/v1.ts';
import { E2E_ENROLMENT_CODE } from './enrol.ts';
import { randomReference, seal } from './seal.ts';

/** The first admin of the shared server (tests/playwright.config.ts). */
export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' };

/**
 * The shared server's origin (tests/playwright.config.ts): API calls that change something send it
 * as `Origin`, as a browser would, or the server refuses them (src/server/http/same-origin.ts).
 */
export const E2E_ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 8181)}`;
export const sameOrigin = { Origin: E2E_ORIGIN };

/** Logs `request` (its own cookie jar) in as the admin, for setting things up through the API. */
export async function adminApi(request: APIRequestContext): Promise<void> {
  const r = await request.post('/api/v1/staff/login', { data: E2E_ADMIN, headers: sameOrigin });
  expect(r.status(), await r.text()).toBe(200);
}

/** A caseworker of its own for one test, created by the admin through the API. */
export async function createCaseworker(request: APIRequestContext, prefix: string): Promise<{ username: string; password: string }> {
  const user = { username: `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`, password: 'caseworker e2e password' };
  const r = await request.post('/api/v1/staff/users', { data: { ...user, role: 'caseworker' }, headers: sameOrigin });
  expect(r.status(), await r.text()).toBe(201);
  return user;
}

/** Enrols a device through the API and sends one sealed submission of `type`; answers its reference. */
export async function storeSubmission(
  request: APIRequestContext,
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
  deviceName = 'E2E staff tablet',
  /** Sealed beside `data`, as a tablet's assisted mode adds `assisted` and `assistedBy`. */
  sealedExtra: Record<string, unknown> = {},
): Promise<{ reference: string; device: EnrollResponse }> {
  const enrolled = await request.post('/api/v1/devices/enroll', { data: { code: E2E_ENROLMENT_CODE, name: deviceName, kind: 'tablet' } });
  expect(enrolled.status()).toBe(201);
  const device = (await enrolled.json()) as EnrollResponse;
  const payload = { type, schemaVersion, reference: randomReference(), createdAt: new Date().toISOString(), ...sealedExtra, data };
  const envelope = await seal(payload, device.serverKey);
  const sent = await request.post('/api/v1/submissions', { data: { submissions: [envelope] }, headers: { Authorization: `Bearer ${device.token}` } });
  const [result] = (await sent.json()).results;
  expect(result.status, JSON.stringify(result.errors)).toBe('stored');
  return { reference: payload.reference, device };
}

/** A 'device-test' submission (src/forms/device-test.ts: no citizen data) from a new device. */
export const storeDeviceTest = (request: APIRequestContext, deviceName: string, sealedExtra: Record<string, unknown> = {}) =>
  storeSubmission(request, 'device-test', 1, { note: 'device-test', sentAt: new Date().toISOString() }, deviceName, sealedExtra);

/** Logs in through the back office's own form. */
export async function logInAt(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/staff');
  await page.getByLabel(/Brugernavn|Username/).fill(user.username);
  await page.getByLabel(/Adgangskode|Password/).fill(user.password);
  await page.getByRole('button', { name: /Log ind|Log in/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Indbakke|Inbox/ })).toBeVisible();
}

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}
