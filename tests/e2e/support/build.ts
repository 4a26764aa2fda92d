import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const distDir = new URL('../../../dist/', import.meta.url);

/** The precache list that vite-plugin-pwa injected into the built service worker. */
export function precacheUrls(): string[] {
  const sw = readFileSync(new URL('sw.js', distDir), 'utf8');
  return [...sw.matchAll(/\{"revision":(?:"[0-9a-f]+"|null),"url":"([^"]+)"\}/g)].map((m) => m[1]);
}

export function fileBytes(url: string): number {
  return statSync(new URL(url.replace(/^\//, ''), distDir)).size;
}

export function gzipBytes(url: string): number {
  return gzipSync(readFileSync(new URL(url.replace(/^\//, ''), distDir)), { level: 9 }).length;
}

/** Read-aloud's synthesizer (src/speech): precached, but loaded only when read-aloud is on; it has its own budget. */
export function isSpeechPart(url: string): boolean {
  return /^assets\/(espeak\.worker-[\w-]+\.js|espeak-ng-[0-9a-f]+\.data)$/.test(url);
}
