import { expect, test } from '@playwright/test';
import { layoutShifts, settled, throttle } from './support/layout-shift.ts';

/**
 * No layout shift on the start screen: what arrives late (the configuration's texts, whether the
 * device is enrolled, the fonts, the service worker) has its space reserved, so that Chromium's
 * Layout Instability API reports nothing after the first paint. A count and a sum, never a time:
 * the page is loaded on a slow network and a slowed CPU (as Lighthouse's mobile run), which only
 * widens the gaps in which a late part could move what is already painted.
 */

for (const [name, viewport] of [
  ['the kiosk (1080 × 1920)', { width: 1080, height: 1920 }],
  ['a phone, as Lighthouse loads it (412 × 823)', { width: 412, height: 823 }],
] as const) {
  test(`the start screen does not shift while it loads on a slow connection: ${name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await throttle(page);
    await page.goto('/');
    await settled(page);
    const shifts = await layoutShifts(page);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBe(0);
  });
}
