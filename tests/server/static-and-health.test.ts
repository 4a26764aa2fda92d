import { RequestTypeRegistry } from '#forms/registry.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#server/http/security-headers.ts';
import { silentLog } from '#server/log.ts';
import { startServer } from '#server/server.ts';
import { rawGet } from './raw-http.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('health and configuration', () => {
  it('answers health with the storage kind', async () => {
    const r = await server.request('/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, storage: 'sqlite' });
  });

  it('serves the validated municipality configuration without caching', async () => {
    const r = await server.request('/config.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.json.municipality.phone).toBeTruthy();
    expect(r.json.session.warningSeconds).toBeGreaterThanOrEqual(20);
  });

  it('refuses to start with a bad configuration file and names each bad field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ municipality: { name: '', phone: 'call us' } }));
    try {
      await expect(startServer({ port: 0, dataDir: dir, registry: new RequestTypeRegistry(), enrollmentCode: 'x', kioskConfigPath: file, log: silentLog })).rejects.toThrow(
        /municipality\.name[\s\S]*municipality\.phone[\s\S]*openingHours/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/', '/assets/index-abc123.js', '/api/nothing-here', '/config.json'])('are on %s', async (path) => {
    const r = await server.request(path);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('allow nothing inline, no eval and no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });
});

describe('the built PWA', () => {
  it.each([
    ['/assets/index-abc123.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/assets/index-abc123.css', 'text/css', 'public, max-age=31536000, immutable'],
    ['/assets/font-abc123.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
    ['/assets/logo-abc123.svg', 'image/svg+xml', 'public, max-age=31536000, immutable'],
    ['/sw.js', 'text/javascript', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/icons/icon-192.png', 'image/png', 'no-cache'],
    ['/', 'text/html', 'no-cache'],
    ['/index.html', 'text/html', 'no-cache'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const r = await server.request(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain(type);
    expect(r.headers.get('cache-control')).toBe(cache);
  });

  it('answers index.html for a deep link, so reloads of /service/complaint work', async () => {
    const r = await rawGet(server.url, '/service/complaint', { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.text).toContain('<title>kiosk</title>');
  });

  it('answers 404, not HTML, for a missing file, so a service worker never caches a page as a script', async () => {
    expect((await server.request('/assets/index-old999.js')).status).toBe(404);
    expect((await server.request('/favicon.ico')).status).toBe(404);
  });

  it('answers unknown API paths with a JSON 404, never the SPA', async () => {
    const r = await server.request('/api/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });

  it('does not serve files outside dist', async () => {
    const r = await server.request('/..%2f..%2fdata/kiosk.sqlite');
    expect(r.status).not.toBe(200);
    expect(r.text).not.toContain('SQLite');
  });

  it('answers 503 with a hint when dist/ is missing', async () => {
    const bare = await startTestServer({ distDir: join(server.dir, 'no-such-dist') });
    try {
      const r = await bare.request('/');
      expect(r.status).toBe(503);
      expect(r.text).toContain('npm run build');
      expect((await bare.request('/api/health')).status).toBe(200);
    } finally {
      await bare.close();
    }
  }, 30_000);
});
