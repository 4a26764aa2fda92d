import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from '#server/log.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

describe('request log', () => {
  const lines: Record<string, unknown>[] = [];
  const log: Log = (level, msg, fields) => lines.push(JSON.parse(JSON.stringify({ level, msg, ...fields })));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ log });
  });
  afterAll(() => server.close());

  it('writes one line per request with method, path, status, time and device, and never a payload or query', async () => {
    const device = await server.enroll();
    const { envelope } = await testEnvelope(device.serverKey, { data: { name: 'Anne 010190-1234', message: 'CPR 0101901234' } });
    await server.submit(device.token, { submissions: [envelope] });
    const staff = await server.login();
    await server.staff(staff, '/submissions?type=test-note&status=0101901234');

    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests[0]).toMatchObject({ path: '/api/v1/devices/enroll', status: 201, deviceId: device.deviceId });
    expect(requests.map((l) => l.path)).toEqual(['/api/v1/devices/enroll', '/api/v1/submissions', '/api/v1/staff/login', '/api/v1/staff/submissions']);
    expect(requests[1]).toEqual({ level: 'info', msg: 'request', method: 'POST', path: '/api/v1/submissions', status: 200, ms: expect.any(Number), ip: expect.stringContaining('127.0.0.1'), deviceId: device.deviceId });
    expect(requests[3]).toMatchObject({ status: 400, userId: expect.any(String) });
    const all = JSON.stringify(lines);
    for (const secret of ['0101901234', '010190-1234', envelope.ciphertext.slice(0, 40), device.token, 'correct horse']) expect(all).not.toContain(secret);
  });
});
