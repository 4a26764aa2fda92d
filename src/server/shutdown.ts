import type { Server } from 'node:http';
import type { ServerType } from '@hono/node-server';

/** How long requests in flight may take to finish at shutdown (SHUTDOWN_GRACE_SECONDS). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/**
 * Stops an HTTP server gracefully: no new connections, requests in flight answered in full, idle
 * keep-alive connections closed at once, and after `graceMs` whatever is still open is cut (a
 * device whose request was cut sends it again; its outbox keeps the envelope until acknowledged).
 * Resolves once every connection is gone.
 */
export async function drainHttpServer(server: ServerType, graceMs: number): Promise<{ cut: boolean }> {
  const http = server as Server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  // A keep-alive connection between requests would hold close() open until its timeout (65 s).
  http.closeIdleConnections?.();
  // Connections that finish their request later are idle then: close them as they get there.
  const sweep = setInterval(() => http.closeIdleConnections?.(), 100);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'cut'>((resolve) => {
    timer = setTimeout(() => resolve('cut'), graceMs);
  });
  try {
    const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
    if (outcome === 'cut') {
      http.closeAllConnections?.();
      await closed;
      return { cut: true };
    }
    return { cut: false };
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}

/** Reads SHUTDOWN_GRACE_SECONDS; a bad value stops the server with its name. */
export function shutdownGraceFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SHUTDOWN_GRACE_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 3600, got ${JSON.stringify(raw)}`);
  return n * 1000;
}

/**
 * Installs SIGTERM and SIGINT handlers that call `stop` once and exit 0 when it is done (1 if it
 * failed). Further signals are ignored: Ctrl+C reaches every process of the terminal's group, so a
 * wrapper that forwards it (npm, tsx) makes the server see it twice, and the drain is bounded anyway.
 */
export function exitOnSignals(stop: (signal: string) => Promise<void>, log: (msg: string, fields: Record<string, unknown>) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      (err: Error) => {
        log('stop_failed', { signal, message: err.message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
