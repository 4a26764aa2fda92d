import { expect, test } from '@playwright/test';
import { measure, sessions } from '../bench/endurance.ts';
import { lighthouseOnce } from '../bench/lib/lighthouse.ts';
import { gzipBytes } from './support/build.ts';

/**
 * Budgets from `npm run bench` (tests/bench/BENCHMARKS.md) that hold on any machine: bytes, scores
 * that do not depend on speed, counts and a heap ratio, never absolute times. The JS and precache
 * budgets are in build-output.browser.test.ts.
 */

test('the start screen loads at most 24 KiB of gzipped CSS', async ({ page }) => {
  const sheets = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') sheets.add(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const total = [...sheets].reduce((sum, path) => sum + gzipBytes(path), 0);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(24 * 1024);
});

// Performance, LCP and TBT are simulated from a trace of this machine, so they move with its load;
// accessibility and best practices are properties of the page.
test('Lighthouse (mobile) scores the start screen 100 for accessibility and best practices', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const result = await lighthouseOnce(`${baseURL}/`);
  expect({ accessibility: result.accessibility, bestPractices: result.bestPractices }).toEqual({ accessibility: 100, bestPractices: 100 });
});

test('100 kiosk sessions leave the DOM as it was after 10, the JS heap within 10 %, and no resource timings behind', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('a.kiosk-tile').first()).toBeVisible();
  const cdp = await context.newCDPSession(page);
  await sessions(page, 10);
  const early = await measure(page, cdp);
  await sessions(page, 90);
  const late = await measure(page, cdp);
  expect(late.nodes, 'DOM nodes alive').toBe(early.nodes);
  expect(late.listeners, 'event listeners').toBe(early.listeners);
  expect(late.heap / early.heap, `heap ${early.heap} → ${late.heap} bytes`).toBeLessThanOrEqual(1.1);
  // Each reset empties the resource-timing buffer (it names the chunks a citizen's choices loaded).
  // What is left is the favicon Chromium re-requests at every screen change: sessions run here
  // seconds apart, so on a busy machine those of the last few land after the last reset. Never
  // emptied, the buffer would hold two per session and the first session's chunks.
  const favicon = late.resources.filter((path) => path === '/icons/favicon.svg').length;
  expect(late.resources.length - favicon, `resource-timing entries after the last reset: ${late.resources.join(', ')}`).toBe(0);
  expect(favicon, 'favicon entries after the last reset').toBeLessThan(90);
});
