import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { errorSchema } from '#contract/staff.ts';
import { NO_BODY, routeDocs, type RouteDoc } from './routes-table.ts';

const json = (schema: GenericSchema) => {
  // OpenAPI 3.1 takes JSON Schema 2020-12 as is; the $schema line belongs to a whole document only.
  const { $schema: _drop, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return rest;
};

const securitySchemes = {
  staff: { type: 'apiKey', in: 'cookie', name: '__Host-staff_session', description: 'Set by POST /api/v1/staff/login. State-changing requests need Origin equal to the server\'s own and a JSON body.' },
  device: { type: 'http', scheme: 'bearer', description: 'The token a device got at enrolment.' },
  metrics: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN.' },
};

function operation(route: RouteDoc) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const query = Object.entries(route.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }));
  const ok = route.produces
    ? { description: 'OK', content: { [route.produces]: { schema: { type: 'string' } } } }
    : route.answer === NO_BODY || route.answer === undefined
      ? { description: 'Done; no body' }
      : { description: route.status === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: json(route.answer) } } };
  const success = route.answer === NO_BODY ? '204' : String(route.status ?? 200);
  const error = { description: 'Refused: the error names the field or parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(route.auth ? { security: [{ [route.auth]: [] }] } : {}),
    ...(route.body && route.body !== NO_BODY ? { requestBody: { required: true, content: { 'application/json': { schema: json(route.body) } } } } : {}),
    responses: { [success]: ok, '4XX': error },
  };
}

/** The OpenAPI 3.1 document of every route (routes-table.ts), its bodies generated from the shared schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Borgerservice kiosk sync server',
      version: '1',
      description: 'Devices upload sealed submissions; staff read, search and handle them. Errors are {"error":{"code","message"}} with a 4xx status.',
    },
    paths,
    components: { schemas: { Error: json(errorSchema) }, securitySchemes },
  };
}
