// The load generator for figure 4, a process of its own so that its CPU is not the server's.
// Usage: tsx lib/loadgen.ts '<json>' with { urls, count, inFlight, seconds, bare?, code? }.
// Enrols one device per request in flight (on urls[0]; with several servers they share one
// PostgreSQL and so one server key), seals `count` envelopes the way a device does
// (tests/server/seal-ecdh.ts when the server publishes an EC key, as devices now do; else
// tests/server/seal.ts; type 'device-test') BEFORE the clock starts, then keeps `inFlight`
// batches of 100 going, round-robin over `urls`, until all are sent or `seconds` have passed.
// Prints one JSON line: { stored, ms, perSecond, statuses }.
import type { EnrollResponse, Envelope, ServerKey } from '#contract/v1.ts';
import { deviceTestData, DEVICE_TEST_TYPE } from '#forms/device-test.ts';
import { testPayload } from '../../server/fixtures.ts';
import { seal } from '../../server/seal.ts';
import { sealEcdh } from '../../server/seal-ecdh.ts';

interface Job { urls: string[]; count: number; inFlight: number; seconds: number; bare?: boolean; code?: string }
const job = JSON.parse(process.argv[2]!) as Job;

async function devices(): Promise<{ token: string; serverKey: ServerKey }[]> {
  if (job.bare) {
    // The bare handler decrypts nothing, but the envelopes are sealed all the same, for the same size.
    const pair = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['wrapKey', 'unwrapKey']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    return Array.from({ length: job.inFlight }, () => ({ token: 'bare', serverKey: { kid: 'bare', jwk } }));
  }
  return Promise.all(
    Array.from({ length: job.inFlight }, async (_, i) => {
      const r = await fetch(`${job.urls[0]}/api/v1/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: job.code, name: `loadgen ${i}`, kind: 'kiosk' }),
      });
      if (r.status !== 201) throw new Error(`loadgen: enrol answered ${r.status}: ${await r.text()}`);
      return (await r.json()) as EnrollResponse;
    }),
  );
}

const enrolled = await devices();
const envelopes: Envelope[] = [];
for (let i = 0; i < job.count; i++) {
  const { serverKey } = enrolled[i % enrolled.length]!;
  const payload = testPayload({ type: DEVICE_TEST_TYPE, schemaVersion: 1, data: deviceTestData() });
  envelopes.push(await (serverKey.ecdh ? sealEcdh(payload, crypto.randomUUID(), serverKey.ecdh) : seal(payload, crypto.randomUUID(), serverKey)));
}

const statuses: Record<string, number> = {};
let next = 0;
let requests = 0;
const started = performance.now();
const deadline = started + job.seconds * 1000;
await Promise.all(
  enrolled.map(async (device) => {
    while (next < envelopes.length && performance.now() < deadline) {
      const batch = envelopes.slice(next, next + 100);
      next += batch.length;
      const url = job.urls[requests++ % job.urls.length]!;
      const r = await fetch(`${url}/api/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ submissions: batch }),
      });
      if (r.status !== 200) throw new Error(`loadgen: ${url} answered ${r.status}: ${await r.text()}`);
      for (const item of ((await r.json()) as { results: { status: string }[] }).results) statuses[item.status] = (statuses[item.status] ?? 0) + 1;
    }
  }),
);
const ms = performance.now() - started;
const stored = statuses.stored ?? 0;
console.log(JSON.stringify({ stored, ms, perSecond: stored / (ms / 1000), statuses }));
