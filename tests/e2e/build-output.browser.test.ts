import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { distDir, fileBytes, gzipBytes, isSpeechPart, precacheUrls } from './support/build.ts';

// The goal of npm run bench (tests/bench/BENCHMARKS.md). The start screen translates its own texts
// without i18next (src/app/shared/start-translate.ts) and loads the other screens, the idle warning
// and the configuration error with import(): 44.4 KiB measured, down from 62.1 KiB; 45.0 KiB by
// 5 Dec 2026, 44.7 KiB once the device status no longer brought every outbox error class along.
const START_SCREEN_JS_GZIP_BUDGET = 45 * 1024;
const PRECACHE_BUDGET = 1.5 * 1024 * 1024;
// eSpeak NG's WebAssembly (in its worker's JavaScript) and its Danish and English voice data.
const SPEECH_PART_BUDGET = 2.5 * 1024 * 1024;

test('the service worker precaches the app shell, fonts and CSS, and not itself', () => {
  const urls = precacheUrls();
  expect(urls).toContain('index.html');
  expect(urls).toContain('manifest.webmanifest');
  expect(urls.filter((u) => /^assets\/index-.*\.js$/.test(u))).toHaveLength(1);
  expect(urls.filter((u) => u.endsWith('.css')).length).toBeGreaterThanOrEqual(1);
  expect(urls.filter((u) => /IBMPlexSans-(Regular|SemiBold|Bold)-Latin1-.*\.woff2$/.test(u))).toHaveLength(3);
  expect(urls.some((u) => /(^|\/)sw\.js$/.test(u)), 'the worker must not precache itself').toBe(false);
});

test('index.html preloads the three font files the start screen first paints with, and they are precached', () => {
  const html = readFileSync(new URL('index.html', distDir), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="preload" href="\/([^"]+)" as="font" type="font\/woff2" crossorigin[^>]*>/g)].map((m) => m[1]!);
  expect(preloaded.map((url) => url.replace(/-[\w-]{8}\.woff2$/, ''))).toEqual(['assets/IBMPlexSans-Bold-Latin1', 'assets/IBMPlexSans-Regular-Latin1', 'assets/IBMPlexSans-SemiBold-Latin1']);
  expect(precacheUrls()).toEqual(expect.arrayContaining(preloaded));
});

test('the whole precache stays within 1.5 MB, besides the speech part', () => {
  const urls = precacheUrls().filter((url) => !isSpeechPart(url));
  const total = urls.reduce((sum, url) => sum + fileBytes(url), 0);
  console.log(`precache: ${urls.length} files, ${(total / 1024).toFixed(1)} KiB (budget ${PRECACHE_BUDGET / 1024} KiB)`);
  expect(total).toBeLessThanOrEqual(PRECACHE_BUDGET);
});

test('the start screen loads at most 45 KiB of gzipped JavaScript', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sizes = [...scripts].map((path) => ({ path, gzip: gzipBytes(path) }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`start-screen JS: ${sizes.map((s) => `${s.path} ${(s.gzip / 1024).toFixed(1)} KiB`).join(', ')}; total ${(total / 1024).toFixed(1)} KiB gzip (budget ${START_SCREEN_JS_GZIP_BUDGET / 1024} KiB)`);
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(START_SCREEN_JS_GZIP_BUDGET);
  // Staff mode (src/app/tablet, chunk tablet-mode-*.js, and its texts, tablet-*.js) is built but not loaded here.
  expect(precacheUrls().filter((u) => /^assets\/tablet-mode-.*\.js$/.test(u))).toHaveLength(1);
  expect([...scripts].filter((path) => /\/tablet-/.test(path)), 'the kiosk start screen must not load staff-mode code').toEqual([]);
});

test('the speech part is precached as its own two files within 2.5 MB, and the start screen does not load it', async ({ page }) => {
  const part = precacheUrls().filter(isSpeechPart);
  expect(part.map((u) => u.replace(/-[\w]+\./, '.'))).toEqual(expect.arrayContaining(['assets/espeak.worker.js', 'assets/espeak-ng.data']));
  const total = part.reduce((sum, url) => sum + fileBytes(url), 0);
  const gzip = part.reduce((sum, url) => sum + gzipBytes(url), 0);
  console.log(`speech part: ${part.map((u) => `${u} ${(fileBytes(u) / 1024).toFixed(1)} KiB`).join(', ')}; total ${(total / 1024).toFixed(1)} KiB (${(gzip / 1024).toFixed(1)} KiB gzip; budget ${SPEECH_PART_BUDGET / 1024} KiB)`);
  expect(total).toBeLessThanOrEqual(SPEECH_PART_BUDGET);
  const fetched = new Set<string>();
  page.on('request', (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...fetched].filter((path) => /espeak|\/runtime-|ReadAloudControls/i.test(path)), 'the start screen must not load the synthesizer').toEqual([]);
});
