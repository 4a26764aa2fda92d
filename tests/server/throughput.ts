import { expect } from 'vitest';
import type { EnrollResponse, Envelope } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import type { TestServer } from './harness.ts';

/**
 * Ingests `count` fresh envelopes in batches of 100 through HTTP, checks every one is stored, and
 * prints how long the server took (sealing happens before the clock starts).
 */
export async function measureIngest(server: TestServer, device: EnrollResponse, count: number, label: string): Promise<number> {
  const envelopes: Envelope[] = await Promise.all(Array.from({ length: count }, async () => (await testEnvelope(device.serverKey)).envelope));
  const started = performance.now();
  for (let i = 0; i < count; i += 100) {
    const r = await server.submit(device.token, { submissions: envelopes.slice(i, i + 100) });
    expect(r.status).toBe(200);
    expect(r.json.results.every((x: { status: string }) => x.status === 'stored')).toBe(true);
  }
  const ms = performance.now() - started;
  console.log(`[ingest ${label}] ${count} envelopes in ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(2)} ms each)`);
  return ms;
}
