import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../e2e/support/chromium.ts';

/**
 * Chromium driven over the DevTools protocol on its pipe (--remote-debugging-pipe), with no client
 * library: only the domains a figure sends to are on. Playwright (and Puppeteer) enable the
 * Network domain on every page, and DevTools then keeps a record of every request in the page's
 * JS heap, which a kiosk without DevTools attached never has: the endurance figure must not count it.
 */
export interface PipeBrowser {
  /** A new tab in a fresh browser context (a first visit), attached: commands go to its session. */
  newPage(): Promise<PipePage>;
  close(): Promise<void>;
}

export interface PipePage {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in the page, awaiting a promise; answers its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
}

export async function launchPipeChromium(): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-cdp-'));
  const executable = chromiumPath() ?? chromium.executablePath();
  const child: ChildProcess = spawn(executable, ['--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', ...chromiumArgs, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const call = message.id === undefined ? undefined : waiting.get(message.id);
      if (!call) continue;
      waiting.delete(message.id!);
      if (message.error) call.reject(new Error(`cdp: ${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
    }
  });
  child.on('exit', () => {
    for (const call of waiting.values()) call.reject(new Error(`cdp: ${call.method}: Chromium exited`));
    waiting.clear();
  });
  const send = <T,>(method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  return {
    async newPage() {
      const { browserContextId } = await send<{ browserContextId: string }>('Target.createBrowserContext');
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const page: PipePage = {
        send: (method, params) => send(method, params, sessionId),
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = await send<{ result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
            sessionId,
          );
          if (exceptionDetails) throw new Error(`cdp: evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
          return result.value as T;
        },
      };
      return page;
    },
    async close() {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      await send('Browser.close').catch(() => undefined);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
