// The real sync server (src/server), started the way src/server/main.ts starts it, with two
// differences a benchmark needs and production must not have:
// - BENCH_DIST_DIR: serve the bench's own pages (tests/bench/pages, built by lib/pages.ts) instead of
//   dist/, so that they share the server's origin and its CSP ('self') allows their script and /api.
// - rate limits lifted: the production limit (20 requests/s per device, burst 40) would cap the
//   Workbox peer, which sends one request per submission, at 20 submissions/s; and the ingest load
//   generator is one client standing in for many kiosks. Every other code path is the production one.
import { serverRequestTypes } from '#server/request-types.ts';
import { startServer } from '#server/server.ts';

const env = process.env;
const lifted = { deviceRequestsPerSecond: 1e6, deviceBurst: 1e6 };

const server = await startServer({
  port: Number(env.PORT),
  hostname: '127.0.0.1',
  dataDir: env.DATA_DIR!,
  registry: serverRequestTypes(),
  databaseUrl: env.DATABASE_URL || undefined,
  enrollmentCode: env.ENROLLMENT_CODE!,
  // A benchmark enrols many devices with one code over its run.
  enrollmentCodeHours: 168,
  enrollmentCodeMaxUses: 100_000,
  distDir: env.BENCH_DIST_DIR || undefined,
  limits: lifted,
  keyEncryption: { key: env.KEY_ENCRYPTION_KEY || undefined },
});
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
