import { RequestTypeRegistry } from '#forms/registry.ts';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecondFactors } from '#server/auth/second-factor.ts';
import { createApp } from '#server/app.ts';
import { HashGate } from '#server/auth/hash-gate.ts';
import { DEFAULT_LIMITS } from '#server/rate-limit.ts';
import type { ServerKeyring } from '#server/crypto/server-key.ts';
import type { Store } from '#server/store/store.ts';
import type { MunicipalityConfig } from '#config/schema.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document that a maintained validator accepts', async () => {
    const r = await server.request('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.1.0');
    const result = await new Validator().validate(r.json);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the app registers, and the list query\'s search parameters', async () => {
    // The app is only built, never served: the routes are walked, so the store and keys are not used.
    const app = createApp({
      store: {} as Store,
      keyring: {} as ServerKeyring,
      registry: new RequestTypeRegistry(),
      config: {} as MunicipalityConfig,
      limits: DEFAULT_LIMITS,
      distDir: '/nonexistent',
      log: () => {},
      hashGate: new HashGate(1, 1),
      cookie: { secure: true },
      origin: { trustProxy: 0, publicOrigins: [] },
      secondFactors: {} as SecondFactors,
    });
    const registered = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '*' && !route.path.endsWith('/*'))
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`),
    );
    const doc = (await server.request('/api/openapi.json')).json as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)));
    expect([...registered].filter((route) => !documented.has(route)), 'registered but not documented').toEqual([]);
    expect([...documented].filter((route) => !registered.has(route)), 'documented but not registered').toEqual([]);
    expect(registered.size).toBeGreaterThan(25);
    const listParams = doc.paths['/api/v1/staff/submissions']!.get!.parameters!.map((p) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['reference', 'cpr', 'q', 'sort', 'limit', 'offset']));
  });
});
