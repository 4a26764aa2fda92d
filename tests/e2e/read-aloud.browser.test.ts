import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chooseLanguage } from './support/kiosk.ts';
import { visitUntilControlled } from './support/service-worker.ts';
import { expectHeard, forget, heard, listen, rms, said, writeWav, type Said } from './support/speech.ts';

/**
 * Read-aloud with the network cut: the bundled eSpeak NG (headless Chromium has no platform voices)
 * says each screen's heading and lead, then what gains focus as a screen reader would announce it.
 * What it played is caught at the Web Audio boundary (globalThis.__speechTap) and kept as WAV files
 * in test-results/ for a person to listen to.
 */

const startTitle = { da: 'Velkommen til Borgerservice', en: 'Welcome to Borgerservice' };

async function offlineKiosk(page: Page, context: import('@playwright/test').BrowserContext): Promise<void> {
  await listen(page);
  await visitUntilControlled(page);
  // The speech part is precached with the app: nothing of it may come from the network from here on.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
}

/** The accessible name Chromium itself computes for the focused element. */
async function chromiumName(page: Page): Promise<string> {
  const snapshot = await page.locator(':focus').ariaSnapshot();
  const match = /^- \w+ "((?:[^"\\]|\\.)*)"/.exec(snapshot);
  return match ? match[1].replace(/\\"/g, '"') : '';
}

function nonSilent(sentences: Said[]): void {
  const played = sentences.filter((s) => s.type === 'start' && s.engine === 'espeak');
  expect(played.length).toBeGreaterThan(0);
  for (const s of played) {
    expect(s.samples!.length / s.sampleRate!, `"${s.text}" lasts`).toBeGreaterThan(0.2);
    expect(rms(s.samples!), `"${s.text}" is not silent`).toBeGreaterThan(0.01);
  }
}

/** What sox makes of the WAV a person would listen to: its length in seconds, and its RMS amplitude. */
function soxCheck(path: string, minSeconds: number): void {
  const seconds = Number(execFileSync('sox', ['--i', '-D', path], { encoding: 'utf8' }));
  expect(seconds, `${path} length`).toBeGreaterThan(minSeconds);
  // sox writes its statistics to stderr.
  const stat = execFileSync('sh', ['-c', `sox "${path}" -n stat 2>&1`], { encoding: 'utf8' });
  const level = Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stat)?.[1]);
  expect(level, `${path} RMS amplitude`).toBeGreaterThan(0.01);
}

for (const language of ['da', 'en'] as const) {
  test(`the start screen in ${language === 'da' ? 'Danish' : 'English'} is read aloud offline: hint, heading and lead, then the focused element by its accessible name`, async ({ page, context }) => {
    await offlineKiosk(page, context);
    await chooseLanguage(page, language);
    await page.locator('.kiosk-read-aloud').click();
    await expect(page.locator('.kiosk-read-aloud')).toHaveAttribute('aria-checked', 'true');
    await expectHeard(page, startTitle[language]);
    const hint = language === 'da' ? 'Læs op er slået til.' : 'Read aloud is on.';
    expect(await heard(page)).toMatch(new RegExp(`^${hint}.*${startTitle[language]}`));
    await expect.poll(async () => (await said(page)).filter((s) => s.type === 'end').length, { timeout: 60_000 }).toBeGreaterThan(3);
    const sentences = await said(page);
    expect(new Set(sentences.map((s) => s.lang))).toEqual(new Set([language]));
    nonSilent(sentences);
    const wav = `test-results/read-aloud-start-${language}.wav`;
    writeWav(wav, sentences.filter((s) => s.type === 'start'));
    soxCheck(wav, 5);

    // Focus moves on: each control is announced first by the name Chromium itself gives it (what a
    // screen reader would say), then its role and state.
    for (let i = 0; i < 8; i++) {
      await forget(page);
      await page.keyboard.press('Tab');
      const name = await chromiumName(page);
      expect(name.length).toBeGreaterThan(0);
      await expectHeard(page, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
    }

    // Switching the language says the screen again, in the other language's voice.
    const other = language === 'da' ? 'en' : 'da';
    await forget(page);
    await chooseLanguage(page, other);
    await expectHeard(page, startTitle[other]);
    expect((await said(page)).filter((s) => s.type === 'start').at(-1)!.lang).toBe(other);
  });
}
