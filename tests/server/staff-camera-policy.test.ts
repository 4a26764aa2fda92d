import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS_POLICY, STAFF_PERMISSIONS_POLICY } from '#server/http/security-headers.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { rawGet } from './raw-http.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the camera is allowed on the back office\'s pages only', () => {
  it.each(['/staff', '/staff/', '/staff/submissions/0b6f0c9e-1f7b-4f7e-9a57-0d7c2f0e0d11', '/staff/waiting'])('%s may use the camera of this origin', async (path) => {
    // A page load as a browser makes it (fetch cannot send Sec-Fetch-Mode: navigate).
    const r = await rawGet(server.url, path, { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<!doctype html>');
    expect(r.headers['permissions-policy']).toBe(STAFF_PERMISSIONS_POLICY);
    expect(STAFF_PERMISSIONS_POLICY).toBe('camera=(self), microphone=(), geolocation=()');
  });

  it.each(['/', '/tablet', '/service/complaint', '/index.html', '/staffroom', '/api/health', '/api/v1/staff/session', '/sw.js'])('%s may not', async (path) => {
    const r = await rawGet(server.url, path, { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
    expect(r.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    expect(PERMISSIONS_POLICY).toBe('camera=(), microphone=(), geolocation=()');
  });
});
