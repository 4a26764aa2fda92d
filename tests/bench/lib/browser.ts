import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../e2e/support/chromium.ts';

/** The Chromium the browser tests use (CHROMIUM_PATH, /usr/bin/chromium, or Playwright's), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/** The kiosk's portrait screen, as in tests/playwright.config.ts. */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 };

/**
 * A browser context for the bench. tsx compiles this code with esbuild's keepNames, which wraps
 * named functions in `__name(fn, "name")`; functions passed to page.evaluate (ours and the e2e
 * helpers') carry that call into the page, where it does not exist. Playwright's own test runner
 * does not do this, so the shared helpers work there unchanged; here the page gets a no-op __name.
 */
export async function newBenchContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, ...options });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  // The machine is loaded while the bench runs; a slow click is not a failure.
  context.setDefaultTimeout(60_000);
  return context;
}
