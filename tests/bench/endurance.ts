import type { CDPSession, Page } from '@playwright/test';
import { launchPipeChromium, type PipePage } from './lib/cdp-pipe.ts';
import type { Figure } from './lib/results.ts';
import { startServerChild } from './lib/server.ts';
import { round } from './lib/stats.ts';

/**
 * Figure 5, endurance: JS heap and DOM after `after[0]` and after `after[1]` simulated kiosk
 * sessions; a kiosk runs all day without a reload, so whatever a session leaves behind adds up.
 * A session: tap the change-of-address tile, type a name into its first field, tap Finish and Yes (the
 * reset docs/outbox-and-privacy.md describes), back on the start screen. Driven inside the page (real click() and
 * input events on the real elements) so that 500 sessions take seconds, not minutes of round trips.
 *
 * The goal is a leak rate: the heap's growth per session from session 100 on, once V8 has
 * optimized what sessions run (a ratio against session 10 also counts that warm-up). Measured
 * over the DevTools protocol on Chromium's pipe with only Runtime, HeapProfiler and Memory used
 * (lib/cdp-pipe.ts): Playwright turns on the Network domain, whose record of every request would
 * grow the heap of a page no kiosk has DevTools attached to. After a forced full GC:
 * Runtime.getHeapUsage (used JS heap) and Memory.getDOMCounters (nodes alive, attached or not,
 * and event listeners).
 */
export async function endurance(options: { after: readonly [number, number] }): Promise<Figure[]> {
  const server = await startServerChild({ entry: 'production' });
  const browser = await launchPipeChromium();
  try {
    const page = await browser.newPage();
    await page.send('Page.navigate', { url: `${server.url}/` });
    await page.evaluate(inPage(untilStartScreen));
    const run = (n: number) => page.evaluate<void>(inPage(runSessions, n));
    await run(options.after[0]);
    const early = await measurePipe(page);
    // A third point once V8 has optimized what sessions run: growth from there on is what a leak
    // would show; the ratio against the early point also counts that warm-up (BENCHMARKS.md).
    const warm = Math.min(100, Math.floor((options.after[0] + options.after[1]) / 2));
    await run(warm - options.after[0]);
    const warmed = await measurePipe(page);
    await run(options.after[1] - warm);
    const late = await measurePipe(page);
    const perSession = (late.heap - warmed.heap) / (options.after[1] - warm);

    const heapRatio = late.heap / early.heap;
    const nodeRatio = late.nodes / early.nodes;
    const [a, b] = options.after;
    return [
      { group: 'endurance', name: `JS heap after ${a} / ${warm} / ${b} sessions`, value: `${round(early.heap / 2 ** 20, 2)} / ${round(warmed.heap / 2 ** 20, 2)} / ${round(late.heap / 2 ** 20, 2)}`, unit: 'MiB', note: `used heap after a forced GC, no DevTools Network domain; performance entries ${early.perfEntries} / ${late.perfEntries}, navigation entries ${early.historyEntries} / ${late.historyEntries}` },
      { group: 'endurance', name: `JS heap ratio ${b}:${a}`, value: round(heapRatio, 3), unit: '×', note: `includes V8's warm-up between sessions ${a} and ${warm}: the leak rate below is the goal` },
      {
        group: 'endurance',
        name: `JS heap growth per session, sessions ${warm}→${b} (leak rate)`,
        value: Math.round(perSession),
        unit: 'bytes',
        goal: '<= 1 KiB',
        met: perSession <= 1024,
        note: `480 sessions (8 hours at one a minute) would add ${round((perSession * 480) / 2 ** 20, 2)} MiB`,
      },
      { group: 'endurance', name: `DOM nodes after ${a} / ${b} sessions`, value: `${early.nodes} / ${late.nodes}`, unit: '', note: `in the document ${early.liveNodes} / ${late.liveNodes}; event listeners ${early.listeners} / ${late.listeners}` },
      { group: 'endurance', name: `DOM node ratio ${b}:${a}`, value: round(nodeRatio, 3), unit: '×', goal: '<= 1.10', met: nodeRatio <= 1.1 },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * A function of ours as an expression for the page. tsx compiles with esbuild's keepNames, which
 * wraps named functions in `__name(fn, "name")`: the page gets a no-op one (as lib/browser.ts does).
 */
export function inPage(fn: (arg: number) => Promise<void>, arg = 0): string {
  return `(() => { const __name = (fn) => fn; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** In the page: resolves once the start screen's tiles are there (60 s at most). */
export function untilStartScreen(): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = () => {
      if (document.querySelector('a.kiosk-tile[href="/service/change-of-address"]')) return resolve();
      if (Date.now() - started > 60_000) return reject(new Error('endurance: no start screen after 60 s'));
      setTimeout(look, 50);
    };
    look();
  });
}

/** `measure` over the pipe: the same readings, with no other DevTools domain on. */
export async function measurePipe(page: PipePage) {
  const collected = async () => {
    await page.send('HeapProfiler.collectGarbage');
    await page.send('HeapProfiler.collectGarbage');
    return page.send<{ nodes: number; jsEventListeners: number }>('Memory.getDOMCounters');
  };
  let counters = await collected();
  for (let tries = 0; tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await collected();
    const settled = again.nodes === counters.nodes && again.jsEventListeners === counters.jsEventListeners;
    counters = again;
    if (settled) break;
  }
  const { usedSize } = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
  const inPage = await page.evaluate<{ liveNodes: number; perfEntries: number; historyEntries: number }>(`({
    liveNodes: document.getElementsByTagName('*').length,
    perfEntries: performance.getEntries().length,
    historyEntries: globalThis.navigation?.entries().length ?? -1,
  })`);
  return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners, ...inPage };
}

/** Used JS heap and DOM counters after a forced full GC (also used by tests/e2e/bench-budgets). */
export async function measure(page: Page, cdp: CDPSession) {
  // The last session's Finish can still hold its screen's detached nodes for a moment after the
  // start screen is back (seen as +8 to +160 nodes in about one reading in ten), so read until two
  // readings 200 ms apart agree. A leak cannot hide this way: leaked nodes are in every reading.
  let counters = await collectedCounters(cdp);
  for (let tries = 0; tries < 10; tries++) {
    await page.waitForTimeout(200);
    const again = await collectedCounters(cdp);
    const settled = again.nodes === counters.nodes && again.jsEventListeners === counters.jsEventListeners;
    counters = again;
    if (settled) break;
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Things a long-lived page accumulates without a leak in the app: to tell the two apart.
  const { liveNodes, perfEntries, resources, historyEntries } = await page.evaluate(() => ({
    liveNodes: document.getElementsByTagName('*').length,
    perfEntries: performance.getEntries().length,
    resources: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    historyEntries: (globalThis as unknown as { navigation?: { entries(): unknown[] } }).navigation?.entries().length ?? -1,
  }));
  return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners, liveNodes, perfEntries, resources, historyEntries };
}

async function collectedCounters(cdp: CDPSession) {
  // Twice: a first collection can leave objects whose finalizers free more.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return cdp.send('Memory.getDOMCounters');
}

/** `n` sessions in the page (Playwright); each step waits for the screen it expects (a 30 s stall fails the run). */
export function sessions(page: Page, n: number): Promise<void> {
  return page.evaluate(runSessions, n);
}

/** In the page: `count` kiosk sessions, each step waiting for the screen it expects. */
export async function runSessions(count: number): Promise<void> {
  const until = async <T,>(what: string, find: () => T | null | undefined): Promise<T> => {
    const started = performance.now();
    for (;;) {
      const found = find();
      if (found) return found;
      if (performance.now() - started > 30_000) throw new Error(`endurance: no ${what} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  for (let i = 0; i < count; i++) {
    (await until('tile', () => document.querySelector<HTMLAnchorElement>('a.kiosk-tile[href="/service/change-of-address"]'))).click();
    const name = await until('name field', () => document.querySelector<HTMLInputElement>('#f-name'));
    name.focus();
    name.value = `Bench Borger ${i}`;
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.dispatchEvent(new Event('change', { bubbles: true }));
    (await until('Finish', () => document.querySelector<HTMLButtonElement>('button.kiosk-finish'))).click();
    // Something was typed, so Finish asks first: "Yes, finish and delete what I typed".
    (await until('Finish question', () => document.querySelector<HTMLButtonElement>('.kiosk-finish-confirm .button-primary'))).click();
    await until('start screen', () => !document.querySelector('#f-name') && document.querySelector('a.kiosk-tile'));
  }
}
