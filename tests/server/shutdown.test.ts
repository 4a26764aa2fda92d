import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope } from '#contract/v1.ts';
import { deviceTestData } from '#forms/device-test.ts';
import { CHILD_ENROLLMENT_CODE, startChildServer, type ChildServer } from './child-server.ts';
import { testEnvelope } from './fixtures.ts';

/**
 * A POST whose body is sent in two halves: it is in flight, for certain, until `finish()` is called.
 * It asks `Expect: 100-continue`, so `accepted` resolves once the server has read its headers: from
 * then on the server counts the connection as busy, not idle, and a shutdown must let it finish.
 */
function slowPost(url: string, token: string, body: string) {
  const { hostname, port } = new URL(url);
  const req = httpRequest({ hostname, port, path: '/api/v1/submissions', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}`, Expect: '100-continue' } });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const accepted = new Promise<void>((resolve) =>
    req.once('continue', () => {
      req.write(body.slice(0, half));
      resolve();
    }),
  );
  req.flushHeaders();
  return { answer, accepted, finish: () => req.end(body.slice(half)) };
}

async function enrol(url: string, name: string): Promise<EnrollResponse> {
  const r = await fetch(`${url}/api/v1/devices/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: CHILD_ENROLLMENT_CODE, name, kind: 'kiosk' }) });
  expect(r.status).toBe(201);
  return (await r.json()) as EnrollResponse;
}

const envelopes = async (device: EnrollResponse, n: number): Promise<Envelope[]> =>
  Promise.all(Array.from({ length: n }, async () => (await testEnvelope(device.serverKey, { type: 'device-test', data: deviceTestData() })).envelope));

/** Waits until the server has read the headers of every slow request: each is in flight there. */
async function reachedServer(requests: { accepted: Promise<void> }[]): Promise<void> {
  await Promise.all(requests.map((r) => r.accepted));
}

const dirs: string[] = [];
const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each([
  ['SIGTERM', 'node'],
  ['SIGINT', 'node'],
  ['SIGTERM', 'tsx-wrapper'],
  ['SIGTERM', 'sh-exec'],
] as const)('%s to the server (%s)', (signal, how) => {
  it('answers every request in flight in full, refuses new connections, closes the database and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-shutdown-'));
    dirs.push(dir);
    const server = await startChildServer({ DATA_DIR: dir, SHUTDOWN_GRACE_SECONDS: '60' }, how);
    children.push(server);
    const devices = await Promise.all([enrol(server.url, 'Kiosk 1'), enrol(server.url, 'Kiosk 2'), enrol(server.url, 'Kiosk 3')]);
    const batches = await Promise.all(devices.map((d) => envelopes(d, 20)));
    const inFlight = devices.map((d, i) => slowPost(server.url, d.token, JSON.stringify({ submissions: batches[i] })));
    await reachedServer(inFlight);
    server.proc.kill(signal);
    await expect.poll(() => server.logs.some((l) => l.msg === 'stopping')).toBe(true);
    // The listener is closed: a new connection is refused while the old requests are still open.
    await expect.poll(async () => fetch(`${server.url}/api/health/live`).then(() => 'answered', (e: Error) => String((e.cause as Error)?.message ?? e))).toMatch(/ECONNREFUSED/);
    for (const r of inFlight) r.finish();
    const answers = await Promise.all(inFlight.map((r) => r.answer));
    for (const a of answers) {
      expect(a.status).toBe(200);
      const results = (JSON.parse(a.text) as { results: { status: string }[] }).results;
      expect(results).toHaveLength(20);
      expect(results.every((x) => x.status === 'stored')).toBe(true);
    }
    expect(await server.exited).toBe(0);
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
    expect(server.logs.some((l) => l.msg === 'shutdown_cut_requests')).toBe(false);

    // Started again on the same directory, the server has all 60: none was lost, the database closed cleanly.
    const again = await startChildServer({ DATA_DIR: dir }, 'node');
    children.push(again);
    for (const [i, d] of devices.entries()) {
      const resend = await fetch(`${again.url}/api/v1/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${d.token}` }, body: JSON.stringify({ submissions: batches[i] }) });
      const results = ((await resend.json()) as { results: { status: string }[] }).results;
      expect(results.map((x) => x.status)).toEqual(Array(20).fill('duplicate'));
    }
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 120_000);
});

describe('a request that outlasts SHUTDOWN_GRACE_SECONDS', () => {
  it('is cut after the grace time, and the process still exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-shutdown-'));
    dirs.push(dir);
    const server = await startChildServer({ DATA_DIR: dir, SHUTDOWN_GRACE_SECONDS: '1' });
    children.push(server);
    const device = await enrol(server.url, 'Kiosk slow');
    const stuck = slowPost(server.url, device.token, JSON.stringify({ submissions: await envelopes(device, 2) }));
    const outcome = stuck.answer.then(() => 'answered', () => 'cut');
    await reachedServer([stuck]);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Its body never finished, so nothing of it was acknowledged: the device keeps it and resends.
    expect(await outcome).toBe('cut');
    expect(server.logs.some((l) => l.msg === 'shutdown_cut_requests')).toBe(true);
  }, 60_000);
});
