import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Structured logs: one JSON object per line on stdout, so that journald, Docker or a log shipper can
 * parse them. Callers pass only metadata; payloads, CPR numbers and query strings never reach a log.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (level, msg, fields) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
};

export const silentLog: Log = () => {};

/** Paths are attacker-controlled: cap them so that one request cannot write a megabyte of log. */
const MAX_LOGGED_PATH = 200;

/** One line per request. The path only: query strings may carry filters typed by staff. */
export function requestLog(log: Log): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log('info', 'request', {
      method: c.req.method,
      path: c.req.path.slice(0, MAX_LOGGED_PATH),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.var.clientIp ? { ip: c.var.clientIp } : {}),
      ...(c.var.device ? { deviceId: c.var.device.id } : {}),
      ...(c.var.staff ? { userId: c.var.staff.userId } : {}),
    });
  };
}
