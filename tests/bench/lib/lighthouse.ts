import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../e2e/support/chromium.ts';

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Milliseconds, simulated. */
  lcp: number;
  tbt: number;
  cls: number;
  /** The element of the largest layout shift, as Lighthouse names it: where to look when CLS > 0. */
  clsCulprit?: string;
}

/**
 * One Lighthouse 12 run with its default config: mobile form factor and simulated throttling
 * (Lantern). Its own Chromium through chrome-launcher with a fresh profile, so every run is a first
 * visit. Accessibility and best-practices depend only on the page; performance, LCP and TBT are
 * simulated from a trace recorded on this machine, so a loaded machine lowers them.
 */
export async function lighthouseOnce(url: string): Promise<LighthouseResult> {
  // Lighthouse itself asks to be run again when its trace missed the navigation (NO_NAVSTART, seen on
  // a loaded machine): that says nothing about the page, so one more recording is allowed.
  try {
    return await lighthouseRun(url);
  } catch (error) {
    if (!(error instanceof LighthouseRuntimeError) || !RETRYABLE.has(error.code)) throw error;
    return lighthouseRun(url);
  }
}

const RETRYABLE = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_LCP']);

class LighthouseRuntimeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`lighthouse: ${code}: ${message}`);
  }
}

async function lighthouseRun(url: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath() ?? undefined,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error(`lighthouse: no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(lhr.runtimeError.code, lhr.runtimeError.message);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      clsCulprit: (lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string; nodeLabel?: string } }[] } | undefined)?.items?.[0]?.node?.selector,
    };
  } finally {
    await chrome.kill();
  }
}
