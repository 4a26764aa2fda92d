import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvelope, TEST_TYPE } from './fixtures.ts';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

/** /metrics as Prometheus reads it: the bearer token, the text format parsed by a Prometheus text parser. */
describe('GET /metrics', { timeout: 30_000 }, () => {
  let server: TestServer;
  const scrape = async () => {
    const r = await server.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusTextFormat(r.text);
  };
  const family = async (name: string) => {
    const found = (await scrape()).find((f) => f.name === name);
    if (!found) throw new Error(`no ${name} in /metrics`);
    return found;
  };
  const value = (f: Awaited<ReturnType<typeof family>>, labels: Record<string, string>) =>
    Number(f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? 0);

  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN, limits: { loginFailuresPerUser: 2 } });
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses a scrape without the token, or with a wrong one, and never answers the app', async () => {
    for (const headers of <Record<string, string>[]>[{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${TOKEN}x` }, { Authorization: TOKEN }]) {
      const r = await server.request('/metrics', { headers });
      expect(r.status).toBe(401);
      expect(r.text).not.toContain('<!doctype html>');
      expect(r.text).not.toContain('kiosk_http_requests_total');
    }
  });

  it('counts requests by route pattern and status, never by raw path', async () => {
    const device = await server.enroll();
    const id = crypto.randomUUID();
    const cookie = await server.login();
    expect((await server.staff(cookie, `/submissions/${id}`)).status).toBe(404);
    const requests = await family('kiosk_http_requests_total');
    expect(requests.type).toBe('COUNTER');
    expect(value(requests, { route: '/api/v1/staff/submissions/:id', method: 'GET', status: '404' })).toBe(1);
    expect(value(requests, { route: '/api/v1/devices/enroll', method: 'POST', status: '201' })).toBe(1);
    const routes = new Set(requests.metrics.map((m) => m.labels!.route));
    expect([...routes].some((r) => r.includes(id))).toBe(false);
    expect(device.token).toBeTruthy();
  });

  it('counts ingest outcomes by status and type and times ingest and decryption', async () => {
    const device = await server.enroll('Kiosk metrics');
    const a = await testEnvelope(device.serverKey);
    const b = await testEnvelope(device.serverKey);
    const r = await server.submit(device.token, { submissions: [a.envelope, b.envelope, a.envelope, { ...b.envelope, id: crypto.randomUUID(), type: 'made-up-type' }] });
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['stored', 'stored', 'duplicate', 'invalid']);
    const items = await family('kiosk_ingest_items_total');
    expect(value(items, { status: 'stored', type: TEST_TYPE })).toBe(2);
    expect(value(items, { status: 'duplicate', type: TEST_TYPE })).toBe(1);
    // A type the server does not know is counted as `other`: labels stay bounded whatever devices send.
    expect(value(items, { status: 'invalid', type: 'other' })).toBe(1);
    expect(items.metrics.some((m) => m.labels?.type === 'made-up-type')).toBe(false);
    const ingest = await family('kiosk_ingest_request_seconds');
    expect(ingest.type).toBe('HISTOGRAM');
    expect(Number(ingest.metrics[0]!.count)).toBeGreaterThanOrEqual(1);
    // Three envelopes were new (the repeated one is judged once): each was opened once.
    const decrypt = await family('kiosk_decrypt_seconds');
    expect(Number(decrypt.metrics[0]!.count)).toBe(3);
  });

  it('counts login outcomes and rate-limit refusals', async () => {
    const before = await family('kiosk_staff_logins_total');
    const login = (password: string) =>
      server.request('/api/v1/staff/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: ADMIN.username, password }) });
    expect((await login('wrong password 1')).status).toBe(401);
    expect((await login('wrong password 2')).status).toBe(401);
    expect((await login('wrong password 3')).status).toBe(429);
    const after = await family('kiosk_staff_logins_total');
    expect(value(after, { outcome: 'invalid_credentials' }) - value(before, { outcome: 'invalid_credentials' })).toBe(2);
    expect(value(after, { outcome: 'rate_limited' })).toBe(1);
    expect(value(after, { outcome: 'success' })).toBeGreaterThanOrEqual(1);
    const refusals = await family('kiosk_rate_limit_refusals_total');
    expect(value(refusals, { route: '/api/v1/staff/login' })).toBe(1);
  });

  it('reports devices by state and the oldest unacknowledged work from device reports', async () => {
    const device = await server.enroll('Kiosk backlog');
    const r = await server.request('/api/v1/devices/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ appVersion: '0.1.0', queued: 3, oldestQueuedAgeSeconds: 7200, rejected: 0, storageUsedBytes: 1000, storageQuotaBytes: 100000, persisted: true, lastError: 'network' }),
    });
    expect(r.status).toBe(204);
    const devices = await family('kiosk_devices');
    expect(value(devices, { state: 'old_work' })).toBe(1);
    // The devices enrolled above never reported.
    expect(value(devices, { state: 'never_seen' })).toBe(2);
    const oldest = await family('kiosk_device_oldest_unacknowledged_seconds');
    expect(Number(oldest.metrics[0]!.value)).toBeGreaterThanOrEqual(7200);
    expect(Number(oldest.metrics[0]!.value)).toBeLessThan(7200 + 600);
    expect(value(await family('kiosk_device_queued_items'), {})).toBe(3);
  });
});

describe('the sample Grafana dashboard', () => {
  it('asks only for metrics the server exports', async () => {
    const dashboard = readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8');
    const asked = new Set([...dashboard.matchAll(/\b((?:kiosk|process)_[a-z_]+?)(?:_bucket)?\b/g)].map((m) => m[1]!));
    const server = await startTestServer({ metricsToken: TOKEN });
    try {
      const r = await server.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
      const exported = new Set(parsePrometheusTextFormat(r.text).map((f) => f.name));
      expect(asked.size).toBeGreaterThan(5);
      expect([...asked].filter((name) => !exported.has(name))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('answers 404 JSON, not the app, even with a bearer header', async () => {
    const server = await startTestServer();
    try {
      for (const headers of <Record<string, string>[]>[{}, { Authorization: 'Bearer ' }, { Authorization: 'Bearer undefined' }]) {
        const r = await server.request('/metrics', { headers });
        expect(r.status).toBe(404);
        expect(r.json.error.code).toBe('not_found');
      }
    } finally {
      await server.close();
    }
  }, 60_000);
});
