import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's
 * own download. Fails with one line that says how to get one.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (found) return found;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own install
  } catch {
    // not installed: fall through to the hint
  }
  throw new Error(
    'No Chromium for the browser tests: set CHROMIUM_PATH, or `apt-get install chromium` (Debian), or `npx playwright install chromium`.',
  );
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
