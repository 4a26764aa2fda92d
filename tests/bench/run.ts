/**
 * `npm run bench` (= `tsx tests/bench/run.ts`): builds the app, runs every figure in turn, writes
 * tests/bench/results/bench-results.{json,md} and prints the Markdown table. See BENCHMARKS.md.
 *
 *   --quick            small N everywhere (a minute or two): for developing the harness, not for figures
 *   --only=a,b         only these figures: startup, enqueue, drain, ingest, endurance
 *   --no-build         use the dist/ that is there (the start-up bytes are then of that build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { launchChromium } from './lib/browser.ts';
import { newRun, toMarkdown, writeResults, type Figure } from './lib/results.ts';
import { repoRoot } from './lib/server.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const build = !args.includes('--no-build');

/** N per figure. Full sizes are the brief's; quick ones only prove the harness works end to end. */
const sizes = quick
  ? { lighthouseRuns: 1, offlineRuns: 5, enqueue: 100, drain: 500, workboxDrain: 300, ingest: 1_000, ingestSeconds: 10, sessions: [10, 100] as const }
  : { lighthouseRuns: 3, offlineRuns: 20, enqueue: 1_000, drain: 10_000, workboxDrain: 10_000, ingest: 10_000, ingestSeconds: 20, sessions: [10, 500] as const };

type Runner = (browser: Browser) => Promise<Figure[]>;
const figures: Record<string, Runner> = {
  startup: async (browser) => (await import('./startup.ts')).startup({ browser, lighthouseRuns: sizes.lighthouseRuns, offlineRuns: sizes.offlineRuns }),
  enqueue: async (browser) => (await import('./enqueue.ts')).enqueue({ browser, count: sizes.enqueue }),
  drain: async (browser) => (await import('./drain.ts')).drain({ browser, count: sizes.drain, workboxCount: sizes.workboxDrain }),
  ingest: async () => (await import('./ingest.ts')).ingest({ count: sizes.ingest, seconds: sizes.ingestSeconds }),
  endurance: async () => (await import('./endurance.ts')).endurance({ after: sizes.sessions }),
};

const run = newRun(quick ? 'quick' : 'full');
const started = performance.now();
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

if (build) {
  log('npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('bench: npm run build failed');
} else if (!existsSync(new URL('dist/sw.js', `file://${repoRoot}`))) {
  throw new Error('bench: --no-build, but there is no dist/: run `npm run build` first');
}

const browser = await launchChromium();
try {
  for (const [name, runFigure] of Object.entries(figures)) {
    if (only && !only.includes(name)) continue;
    log(`${name} …`);
    try {
      const measured = await runFigure(browser);
      run.figures.push(...measured);
      for (const f of measured) log(`  ${f.name}: ${f.value} ${f.unit}`);
    } catch (error) {
      log(`  ${name} failed: ${(error as Error).stack ?? error}`);
      run.failures.push({ group: name, error: String((error as Error).message ?? error) });
    }
  }
} finally {
  await browser.close();
}

run.seconds = Math.round((performance.now() - started) / 1000);
writeResults(run, new URL('./results/', import.meta.url));
console.log(toMarkdown(run));
process.exitCode = run.failures.length > 0 ? 1 : 0;
