import type { Browser, Page } from '@playwright/test';
import { newBenchContext } from './lib/browser.ts';
import { buildBenchPages } from './lib/pages.ts';
import { startBenchPg } from './lib/postgres.ts';
import type { Figure } from './lib/results.ts';
import { BENCH_ENROLMENT_CODE, startServerChild } from './lib/server.ts';
import { round } from './lib/stats.ts';

/**
 * Figure 3, drain: `count` queued submissions synced to the server over loopback, by the app's
 * sync engine (batches of up to 100, src/outbox/sync.ts), on SQLite and then on PostgreSQL;
 * against Workbox's background-sync Queue replaying `workboxCount` one-request-per-submission
 * POSTs to the same SQLite server. How the queues are filled: tests/bench/pages/drain.ts (a page
 * bundled by Vite from src/outbox and workbox-background-sync, served by the real server from its
 * own origin, see lib/server-entry.ts) calls the app's submit() `count` times, 8 at a time; the
 * Workbox queue gets envelopes from the same seal(), one Request each. Filling is not timed in the
 * figure (it is printed), only the drain is.
 *
 * The server runs with the rate limits lifted (lib/server-entry.ts): with the production limit of
 * 20 requests/s per device, the one-request-per-submission peer could not go faster than 20
 * submissions/s (10,000 in over 8 minutes), and Workbox treats a 429 as delivered and drops it.
 */
export async function drain(options: { browser: Browser; count: number; workboxCount: number }): Promise<Figure[]> {
  const pages = await buildBenchPages();
  const figures: Figure[] = [];

  const sqlite = await drainOn(options.browser, pages, undefined, options.count, options.workboxCount);
  figures.push(...sqlite.figures);

  const pg = await startBenchPg();
  try {
    figures.push(...(await drainOn(options.browser, pages, pg.databaseUrl, options.count, 0)).figures);
  } finally {
    await pg.stop();
  }

  if (sqlite.workboxPerSecond) {
    const ratio = sqlite.ourPerSecond / sqlite.workboxPerSecond;
    figures.push({ group: 'drain', name: 'sync engine / Workbox queue (submissions/s, SQLite)', value: round(ratio, 1), unit: '×', goal: '>= 5×', met: ratio >= 5 });
  }
  return figures;
}

async function drainOn(browser: Browser, pages: string, databaseUrl: string | undefined, count: number, workboxCount: number) {
  const storage = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const server = await startServerChild({ entry: 'bench', databaseUrl, distDir: pages });
  const context = await newBenchContext(browser, { serviceWorkers: 'block' });
  const figures: Figure[] = [];
  let workboxPerSecond = 0;
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => 'bench' in window);
    await call(page, 'enrol', BENCH_ENROLMENT_CODE);

    // The peer first, so that our engine is not the one writing into the emptier table.
    if (workboxCount > 0) {
      const fillMs = await call(page, 'workboxFill', workboxCount);
      const replay = await call(page, 'workboxReplay');
      if (replay.left !== 0 || replay.statuses[200] !== workboxCount) throw new Error(`drain: Workbox replay ended with ${replay.left} left, statuses ${JSON.stringify(replay.statuses)}`);
      workboxPerSecond = workboxCount / (replay.ms / 1000);
      figures.push({
        group: 'drain',
        name: `Workbox Queue replay, ${workboxCount.toLocaleString('en-US')} one by one (${storage})`,
        value: round(replay.ms / 1000, 2),
        unit: 's',
        quiet: true,
        note: `${Math.round(workboxPerSecond)} submissions/s; queue filled in ${round(fillMs / 1000, 1)} s`,
      });
    }

    const fillMs = await call(page, 'fill', count);
    const result = await call(page, 'drain');
    if (result.result.outcome !== 'done' || result.result.stored !== count || result.counts.queued !== 0) {
      throw new Error(`drain: sync engine on ${storage} ended ${JSON.stringify(result)}`);
    }
    const perSecond = count / (result.ms / 1000);
    const requests = Object.values(result.statuses).reduce((a, b) => a + b, 0);
    const seconds = result.ms / 1000;
    figures.push({
      group: 'drain',
      name: `sync engine, ${count.toLocaleString('en-US')} queued (${storage})`,
      value: round(seconds, 2),
      unit: 's',
      // The goal is for 10,000; a quick run's smaller N is judged by rate.
      goal: '<= 10 s for 10,000',
      met: (10_000 / perSecond) <= 10,
      quiet: true,
      note: `${Math.round(perSecond)} submissions/s in ${requests} requests; outbox filled by submit() in ${round(fillMs / 1000, 1)} s`,
    });
    return { figures, ourPerSecond: perSecond, workboxPerSecond };
  } finally {
    await context.close();
    await server.stop();
  }
}

type BenchApi = {
  enrol(code: string): Promise<void>;
  fill(n: number): Promise<number>;
  drain(): Promise<{ ms: number; result: { outcome: string; stored: number }; statuses: Record<number, number>; counts: Record<string, number> }>;
  breakdown(n: number): Promise<Record<string, number[]>>;
  workboxFill(n: number): Promise<number>;
  workboxReplay(): Promise<{ ms: number; statuses: Record<number, number>; left: number }>;
};

/**
 * Calls window.bench.<method>(arg) in the page (see pages/drain.ts). By name, not by passing a
 * function's source: the page's CSP forbids eval, and page.evaluate's own call is exempt from it.
 */
function call<M extends keyof BenchApi>(page: Page, method: M, ...arg: Parameters<BenchApi[M]>): Promise<Awaited<ReturnType<BenchApi[M]>>> {
  return page.evaluate(
    ({ method, arg }) => (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[method]!(...arg),
    { method, arg: arg as unknown[] },
  ) as Promise<Awaited<ReturnType<BenchApi[M]>>>;
}
