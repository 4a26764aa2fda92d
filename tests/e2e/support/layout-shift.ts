import { expect, type Page } from '@playwright/test';

/**
 * Layout shifts of the start screen as Chromium's Layout Instability API reports them, on
 * Lighthouse's mobile throttling: tests/e2e/start-screen-layout-shift.browser.test.ts and the
 * start-up figure of npm run bench (tests/bench/startup.ts).
 */

export interface Shift {
  value: number;
  sources: string[];
}

/** Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower. */
export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Every layout shift of the page's life so far, with the elements that moved (buffered entries). */
export function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(
    () =>
      new Promise<Shift[]>((resolve) => {
        const describe = (node: Node | null | undefined) => {
          if (!(node instanceof Element)) return String(node?.nodeName);
          const parent = node.parentElement ? `${node.parentElement.tagName.toLowerCase()} > ` : '';
          return `${parent}${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
        };
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
          const shifts = (list.getEntries() as LayoutShift[]).filter((e) => !e.hadRecentInput);
          resolve(shifts.map((e) => ({ value: e.value, sources: e.sources.map((s) => describe(s.node)) })));
        }).observe({ type: 'layout-shift', buffered: true });
        // With no shift at all the observer is never called: a frame later, that is the answer.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve([])));
      }),
  );
}

/** The start screen fully arrived: tiles mounted, nothing more on the wire, fonts in, the worker installed. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1 ~ section a.kiosk-tile').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await navigator.serviceWorker?.ready;
  });
  await page.waitForLoadState('networkidle');
}
