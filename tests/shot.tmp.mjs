import { chromium } from '@playwright/test';
const [,, url, out, w, h, lang, large, ...actions] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.locator('main h1').waitFor();
if (lang === 'en') await p.getByRole('button', { name: 'English', exact: true }).click();
if (large === '1') await p.getByRole('switch').click();
for (const a of actions) { if (a.startsWith('click:')) await p.locator(a.slice(6)).first().click(); if (a.startsWith('eval:')) console.log(await p.evaluate(a.slice(5))); }
await p.evaluate(() => document.fonts.ready);
await p.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await b.close();
