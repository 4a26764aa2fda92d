import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allScreens, chooseLanguage, openKiosk, setLargePrint } from './support/kiosk.ts';

async function expectNoAxeViolations(page: import('@playwright/test').Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

for (const screen of allScreens()) {
  test(`axe finds nothing on the ${screen.name} screen in both languages and print sizes`, async ({ page }) => {
    await openKiosk(page, screen.path);
    for (const language of ['da', 'en'] as const) {
      await chooseLanguage(page, language);
      for (const large of [false, true]) {
        await setLargePrint(page, large);
        await expectNoAxeViolations(page, `${language} ${large ? 'large' : 'normal'}`);
      }
    }
  });
}

test('axe finds nothing on the idle warning', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page, '/service/complaint');
  await page.clock.fastForward(90_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoAxeViolations(page, 'idle warning');
});

test('every control on the start screen is reachable by keyboard, visibly focused and at least 44 px', async ({ page }) => {
  await openKiosk(page);
  const controls = await page.locator('a[href], button').count();
  const seen = new Set<string>();
  for (let i = 0; i < controls + 2; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        // The opening tag and the text: toolbar buttons share their first 80 characters.
        key: el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1) + (el.textContent ?? '').trim(),
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        w: r.width, h: r.height,
        skip: el.classList.contains('skipnav'),
      };
    });
    if (focused.key.startsWith('<body')) continue;
    seen.add(focused.key);
    expect(focused.visible, `no visible focus on ${focused.key}`).toBe(true);
    if (!focused.skip) {
      expect(Math.min(focused.w, focused.h), `touch target too small: ${focused.key}`).toBeGreaterThanOrEqual(44);
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(controls);
});

test('a service is opened, and the kiosk finished, by keyboard alone', async ({ page }) => {
  await openKiosk(page);
  await page.locator('.kiosk-tile').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/service\//);
  await setLargePrint(page, true);
  await page.getByRole('button', { name: 'Afslut' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).not.toHaveClass(/large-print/);
});

test('landmarks and headings: one banner, one main, one h1 on every screen', async ({ page }) => {
  for (const screen of allScreens()) {
    await openKiosk(page, screen.path);
    await expect(page.locator('header.header')).toHaveCount(1);
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
  }
  await chooseLanguage(page, 'da');
});
