import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { measureIngest } from './throughput.ts';

describe('ingest throughput on SQLite', () => {
  let server: TestServer;
  let device: EnrollResponse;
  beforeAll(async () => {
    server = await startTestServer();
    device = await server.enroll();
  });
  afterAll(() => server.close());

  // The budget is loose (shared CI machines); the printed time is the measurement.
  it('stores 1,000 envelopes in batches of 100 within 30 s', async () => {
    expect(await measureIngest(server, device, 1000, 'sqlite')).toBeLessThan(30_000);
  }, 60_000);
});
