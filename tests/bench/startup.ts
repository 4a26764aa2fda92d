import type { Browser } from '@playwright/test';
import { fileBytes, gzipBytes, precacheUrls } from '../e2e/support/build.ts';
import { visitUntilControlled } from '../e2e/support/service-worker.ts';
import { layoutShifts, settled, throttle } from '../e2e/support/layout-shift.ts';
import { KIOSK_VIEWPORT, newBenchContext } from './lib/browser.ts';
import { lighthouseOnce, type LighthouseResult } from './lib/lighthouse.ts';
import type { Figure } from './lib/results.ts';
import { startServerChild } from './lib/server.ts';
import { median, round } from './lib/stats.ts';

/**
 * Figure 1, start-up: what the start screen costs to load, what the service worker keeps, what
 * Lighthouse says, and how fast the start screen comes back with the network cut.
 * Needs a fresh `npm run build` (run.ts does it) served by the real server (src/server/main.ts).
 */
export interface StartupOptions {
  browser: Browser;
  lighthouseRuns: number;
  offlineRuns: number;
}

const KB = 1024;
/** The start screen is interactive once Svelte has mounted the service tiles (their handlers come with them). */
const INTERACTIVE = 'main h1 ~ section a.kiosk-tile';

export async function startup(options: StartupOptions): Promise<Figure[]> {
  const server = await startServerChild({ entry: 'production' });
  try {
    return [
      ...(await startScreenBytes(options.browser, server.url)),
      ...precacheBytes(),
      ...(await startScreenLayoutShift(options.browser, server.url)),
      ...(await lighthouseScores(server.url, options.lighthouseRuns)),
      ...(await offlineStart(options.browser, server.url, options.offlineRuns)),
    ];
  } finally {
    await server.stop();
  }
}

/** Every script and stylesheet a first visit to the start screen requests, gzip -9 bytes of the built files. */
async function startScreenBytes(browser: Browser, url: string): Promise<Figure[]> {
  const context = await newBenchContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const loaded = { script: new Set<string>(), stylesheet: new Set<string>() };
    page.on('request', (request) => {
      const type = request.resourceType();
      if (type === 'script' || type === 'stylesheet') loaded[type].add(new URL(request.url()).pathname);
    });
    await page.goto(url);
    await page.locator(INTERACTIVE).first().waitFor();
    // Chunks the start screen loads once idle (the sync scheduler) count too: the kiosk loads them.
    await page.waitForLoadState('networkidle');
    const sum = (paths: Set<string>) => [...paths].reduce((total, path) => total + gzipBytes(path), 0);
    const js = sum(loaded.script);
    const css = sum(loaded.stylesheet);
    // Which chunks the bytes are in: where to look when the figure grows.
    const largest = [...loaded.script]
      .map((path) => ({ path: path.replace(/^\/assets\//, ''), kib: round(gzipBytes(path) / KB) }))
      .sort((a, b) => b.kib - a.kib)
      .slice(0, 4)
      .map((f) => `${f.path} ${f.kib}`)
      .join(', ');
    return [
      { group: 'start-up', name: 'start-screen JS', value: round(js / KB), unit: 'KiB gzip', goal: '<= 45 KB', met: js <= 45 * KB, note: `${loaded.script.size} files, until network idle (chunks loaded once idle count); largest KiB: ${largest}` },
      { group: 'start-up', name: 'start-screen CSS', value: round(css / KB), unit: 'KiB gzip', note: `${loaded.stylesheet.size} files` },
    ];
  } finally {
    await context.close();
  }
}

/**
 * The layout shift of a first visit to the start screen on Lighthouse's mobile throttling (slow 4G
 * and a 4× slower CPU through CDP), summed from Chromium's own layout-shift entries once the screen,
 * its fonts and the service worker are in: at the kiosk's size and at Lighthouse's phone size. A
 * figure of the page, not of the machine's speed (tests/e2e/start-screen-layout-shift.browser.test.ts
 * holds it at 0).
 */
async function startScreenLayoutShift(browser: Browser, url: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, viewport] of [['kiosk 1080 × 1920', KIOSK_VIEWPORT], ['phone 412 × 823', { width: 412, height: 823 }]] as const) {
    const context = await newBenchContext(browser, { serviceWorkers: 'allow', viewport });
    try {
      const page = await context.newPage();
      await throttle(page);
      await page.goto(`${url}/`);
      await settled(page);
      const shifts = await layoutShifts(page);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      const worst = [...shifts].sort((a, b) => b.value - a.value)[0];
      figures.push({
        group: 'start-up',
        name: `start-screen layout shift, ${name}`,
        value: round(total, 3),
        unit: 'CLS',
        goal: '<= 0.02',
        met: total <= 0.02,
        note: `${shifts.length} shifts, slow 4G and CPU 4× through CDP${worst ? `; largest moved ${worst.sources.join(', ')}` : ''}`,
      });
    } finally {
      await context.close();
    }
  }
  return figures;
}

/** The precache list vite-plugin-pwa injected into dist/sw.js, raw and gzip bytes. */
function precacheBytes(): Figure[] {
  const urls = precacheUrls();
  const raw = urls.reduce((total, url) => total + fileBytes(url), 0);
  // woff2 and png are compressed already, so gzip is what travels only for text; shown for comparison.
  const gzip = urls.reduce((total, url) => total + gzipBytes(url), 0);
  return [
    { group: 'start-up', name: 'precache total', value: round(raw / KB), unit: 'KiB', note: `${urls.length} files; ${round(gzip / KB)} KiB if every file were gzipped` },
  ];
}

/** Lighthouse (lib/lighthouse.ts) `runs` times; the run with the median performance score is reported. */
async function lighthouseScores(url: string, runs: number): Promise<Figure[]> {
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(`${url}/`));
  const mid = [...results].sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)]!;
  const scores = `${mid.performance}/${mid.accessibility}/${mid.bestPractices}`;
  return [
    {
      group: 'start-up',
      name: 'Lighthouse performance/accessibility/best-practices',
      value: scores,
      unit: '',
      goal: '>= 95/100/100',
      met: mid.performance >= 95 && mid.accessibility === 100 && mid.bestPractices === 100,
      note: `mobile, simulated throttling; performance is simulated from a trace taken on this machine (load lowers it); median of ${runs} by performance (all: ${results.map((r) => r.performance).join(', ')})`,
    },
    { group: 'start-up', name: 'Lighthouse LCP (simulated)', value: Math.round(mid.lcp), unit: 'ms', note: 'simulated mobile: a model, not a wall clock' },
    { group: 'start-up', name: 'Lighthouse TBT (simulated)', value: Math.round(mid.tbt), unit: 'ms' },
    { group: 'start-up', name: 'Lighthouse CLS', value: round(mid.cls, 3), unit: '', goal: '<= 0.02', met: mid.cls <= 0.02, note: mid.clsCulprit ? `largest shift: ${mid.clsCulprit}` : undefined },
  ];
}

/**
 * Navigation start → start screen painted and interactive, with the network cut, so the service
 * worker serves everything. Read from the browser's own largest-contentful-paint entry (relative to
 * the navigation's time origin), which on this screen is the lead paragraph that Svelte mounts in
 * the same pass as the service tiles and their handlers; the run fails if it is anything outside
 * <main> or the tiles are missing. A paint the browser recorded, rather than a DOM check polled
 * from Node, so the bench's own round trips are not in the figure.
 */
async function offlineStart(browser: Browser, url: string, runs: number): Promise<Figure[]> {
  const context = await newBenchContext(browser, { serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await visitUntilControlled(page, `${url}/`);
    await page.locator(INTERACTIVE).first().waitFor();
    await context.setOffline(true);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${url}/`);
      await page.locator(INTERACTIVE).first().waitFor();
      const paint = await page.evaluate(
        () =>
          new Promise<{ at: number; inMain: boolean; bySw: boolean }>((resolve) =>
            new PerformanceObserver((list) => {
              const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null };
              const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
              resolve({ at: last.startTime, inMain: Boolean(last.element?.closest('main')), bySw: nav.workerStart > 0 });
            }).observe({ type: 'largest-contentful-paint', buffered: true }),
          ),
      );
      if (!paint.bySw) throw new Error('startup: the offline navigation was not served by the service worker');
      if (!paint.inMain) throw new Error('startup: the largest paint was not the start screen\'s content');
      samples.push(paint.at);
    }
    const mid = median(samples);
    return [
      {
        group: 'start-up',
        name: `offline start, median of ${runs}`,
        value: round(mid),
        unit: 'ms',
        goal: '<= 300 ms',
        met: mid <= 300,
        quiet: true,
        note: `navigation → start screen painted (LCP), network cut, served by the service worker; min ${round(Math.min(...samples))}, max ${round(Math.max(...samples))}`,
      },
    ];
  } finally {
    await context.close();
  }
}
