import { expect, type Page } from '@playwright/test';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };

/** Every screen the kiosk has today, by path. Service screens come from the shipped configuration. */
export function allScreens(): { name: string; path: string }[] {
  return [
    { name: 'start', path: '/' },
    ...defaultConfig.services.filter((s) => s.enabled).map((s) => ({ name: `service ${s.id}`, path: `/service/${s.id}` })),
    { name: 'setup', path: '/setup' },
    { name: 'not found', path: '/no-such-page' },
  ];
}

export const viewports = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1280, height: 800 },
} as const;

export async function openKiosk(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
}

export async function chooseLanguage(page: Page, language: 'da' | 'en'): Promise<void> {
  await page.getByRole('button', { name: language === 'da' ? 'Dansk' : 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

export async function setLargePrint(page: Page, on: boolean): Promise<void> {
  const toggle = page.locator('.kiosk-large-print');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(on));
}

/** A key missing in both languages renders as ⟦key⟧ (src/app/shared/i18n.ts). */
export async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text, 'a translation key is shown instead of text').not.toContain('⟦');
  expect(text).not.toMatch(/\b(common|start|services|setup):[a-zA-Z]/);
}
