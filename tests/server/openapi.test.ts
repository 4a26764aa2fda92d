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
import { NO_BODY, routeDocs } from '#server/openapi/routes-table.ts';
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

  it('names every route\'s body (or that it takes none) and its answer, and shows them in the document', async () => {
    const noBody = routeDocs.filter((r) => r.method === 'post' && r.body === undefined).map((r) => `${r.method} ${r.path}`);
    expect(noBody, 'POST routes that say nothing of their body').toEqual([]);
    const noAnswer = routeDocs.filter((r) => r.answer === undefined && !r.produces).map((r) => `${r.method} ${r.path}`);
    expect(noAnswer, 'routes that say nothing of their answer').toEqual([]);
    const doc = (await server.request('/api/openapi.json')).json as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
    };
    for (const route of routeDocs) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method]!;
      const where = `${route.method} ${route.path}`;
      if (route.body && route.body !== NO_BODY) {
        const schema = op.requestBody?.content['application/json']?.schema;
        expect(schema?.type, `${where}: request body`).toBe('object');
        expect(Object.keys((schema?.properties as object) ?? {}).length, `${where}: request body fields`).toBeGreaterThan(0);
      } else {
        expect(op.requestBody, `${where}: no request body`).toBeUndefined();
      }
      const success = Object.entries(op.responses).filter(([code]) => /^2\d\d$/.test(code));
      expect(success.length, `${where}: one success answer`).toBe(1);
      const [code, response] = success[0]!;
      if (route.answer === NO_BODY) {
        expect(code, where).toBe('204');
        expect(response.content, where).toBeUndefined();
      } else if (!route.produces) {
        const schema = response.content?.['application/json']?.schema;
        expect(schema?.type, `${where}: answer`).toBe('object');
        expect(Object.keys((schema?.properties as object) ?? {}).length, `${where}: answer fields`).toBeGreaterThan(0);
      }
    }
  });
});
