import { describe, expect, it } from 'vitest';
import '#forms/index.ts';
import { requestType, requestTypes } from '#forms/registry.ts';
import { serverRequestTypes } from './request-types.ts';

describe("the server's request types", () => {
  const server = serverRequestTypes();

  it('are the ones the app registers, type for type and version for version', () => {
    expect(server.types().sort()).toEqual(requestTypes().sort());
    for (const type of requestTypes()) {
      const app = requestType(type)!;
      expect(server.get(type)?.current, type).toBe(app.current);
      expect(Object.keys(server.get(type)!.versions).sort(), type).toEqual(Object.keys(app.versions).sort());
    }
  });

  it('validate with the forms\' own schemas: an unknown type or version is refused', () => {
    expect(server.validate('no-such-type', 1, {})).toEqual({ ok: false, errors: [{ path: 'type', code: 'unknown_type' }] });
    expect(server.validate('device-test', 99, {})).toEqual({ ok: false, errors: [{ path: 'schemaVersion', code: 'unknown_version' }] });
    expect(server.validate('device-test', 1, { note: 'device-test', sentAt: new Date().toISOString() }).ok).toBe(true);
  });
});
