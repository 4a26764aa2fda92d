import { expect, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

/** One sentence the kiosk said, as the tests see it through globalThis.__speechTap (src/speech/engine/speaker.ts). */
export interface Said {
  type: 'start' | 'end' | 'stop';
  engine: 'espeak' | 'platform';
  text: string;
  lang: string;
  samples?: number[];
  sampleRate?: number;
  played?: number;
  duration?: number;
}

/** Records what the kiosk says in this page, from its first script on. */
export async function listen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __said: unknown[]; __speechTap: (e: Record<string, unknown>) => void };
    w.__said = [];
    w.__speechTap = (e) => {
      const pcm = e.pcm as Float32Array | undefined;
      w.__said.push({ ...e, pcm: undefined, samples: pcm ? Array.from(pcm) : undefined });
    };
  });
}

export async function said(page: Page): Promise<Said[]> {
  return page.evaluate(() => (globalThis as unknown as { __said: Said[] }).__said);
}

export async function forget(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __said: unknown[] }).__said.length = 0));
}

/** The sentences started so far, in order, joined: what a listener heard (or began to hear). */
export async function heard(page: Page): Promise<string> {
  return (await said(page)).filter((s) => s.type === 'start').map((s) => s.text).join(' ');
}

/** Waits until what was started includes the text. */
export async function expectHeard(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await expect.poll(() => heard(page), { timeout }).toMatch(typeof text === 'string' ? new RegExp(escape(text)) : text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Root mean square of the samples: 0 is silence; eSpeak's speech is around 0.05–0.2. */
export function rms(samples: number[]): number {
  return Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / Math.max(1, samples.length));
}

/** Writes the sentences' PCM as one 16-bit mono WAV a person can listen to. */
export function writeWav(path: string, sentences: Said[]): { seconds: number } {
  const rate = sentences.find((s) => s.sampleRate)?.sampleRate ?? 22050;
  const gap = new Array(Math.round(rate * 0.3)).fill(0);
  const all = sentences.flatMap((s) => [...(s.samples ?? []), ...gap]);
  const data = Buffer.alloc(all.length * 2);
  all.forEach((s, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(s * 32767))), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
  return { seconds: all.length / rate };
}
