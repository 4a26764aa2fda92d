import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env.ts';
import type { StaffEvent, StaffEventHub } from '../counter/staff-event-hub.ts';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * GET /api/v1/staff/events: server-sent events for the back office (help calls, the queue). The
 * session is checked when the stream opens, and the stream ends when the session expires, so a
 * logged-out tab stops hearing; the browser's EventSource reconnects and then meets the 401.
 */
export function staffEventRoutes(auth: MiddlewareHandler<AppEnv>, hub: StaffEventHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/events', auth, (c) => {
    const expiresAt = Date.parse(c.var.staff!.expiresAt);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const pending: StaffEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = hub.subscribe((event) => {
        pending.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
        while (open && !stream.aborted && Date.now() < expiresAt) {
          const event = pending.shift();
          if (event) {
            await stream.writeSSE({ event: event.name, data: JSON.stringify(event.data) });
            continue;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(HEARTBEAT_MS, Math.max(0, expiresAt - Date.now())));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
          if (open && pending.length === 0 && Date.now() < expiresAt) await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });
  return app;
}
