import type { HelpCallRequest } from '#contract/counter.ts';

/** What the kiosk tells the citizen after the button: sent, waiting for the network, or not possible here. */
export type HelpCallState = 'idle' | 'sending' | 'sent' | 'queued' | 'not-enrolled' | 'failed';

/** A second press within this time shows the same confirmation instead of calling again. */
const REPEAT_MS = 2 * 60_000;
/** While calls wait, the kiosk retries this often besides the browser's `online` event. */
const RETRY_MS = 15_000;
const SEND_TIMEOUT_MS = 10_000;

/** Only the route's shape travels: never a query string or anything typed. */
export function helpCallRoute(pathname: string): string {
  return /^\/[A-Za-z0-9/_-]{0,199}$/.test(pathname) ? pathname : '/';
}

type Outcome = 'sent' | 'retry' | 'refused' | 'not-enrolled';

/**
 * Help calls from this kiosk. A call holds no citizen data (a random id, the screen's route, the
 * time of the press), so one that cannot be sent now waits in memory and goes out when the kiosk
 * is online again, keeping its time so that staff see how long the citizen has waited. It
 * outlives the citizen's session: the next citizen's reset must not cancel a call for help.
 */
export class HelpCalls {
  state = $state<HelpCallState>('idle');
  private waiting: HelpCallRequest[] = [];
  private lastCallAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
    globalThis.addEventListener?.('online', () => void this.flush());
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** The citizen pressed the button on the screen at `pathname`. */
  async call(pathname: string, now = Date.now()): Promise<HelpCallState> {
    if (now - this.lastCallAt < REPEAT_MS && (this.state === 'sent' || this.state === 'queued')) return this.state;
    this.lastCallAt = now;
    this.waiting.push({ id: crypto.randomUUID(), route: helpCallRoute(pathname), calledAt: new Date(now).toISOString() });
    this.state = 'sending';
    await this.flush();
    return this.state;
  }

  /** Sends every waiting call, oldest first; stops at the first that cannot go yet. */
  flush(): Promise<void> {
    this.flushing ??= this.sendWaiting().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async sendWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const outcome = await this.send(this.waiting[0]!);
      if (outcome === 'retry') {
        this.state = 'queued';
        this.timer ??= setInterval(() => void this.flush(), RETRY_MS);
        return;
      }
      this.waiting.shift();
      if (this.waiting.length === 0 || outcome !== 'sent') this.state = outcome === 'sent' ? 'sent' : outcome === 'not-enrolled' ? 'not-enrolled' : 'failed';
    }
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async send(call: HelpCallRequest): Promise<Outcome> {
    try {
      // Loaded at the first press: the start screen loads neither the outbox's database (Dexie) nor
      // valibot. Offline before the service worker holds them, the call waits like one made offline.
      const [{ apiUrl, readDevice }, { HELP_CALLS_PATH }] = await Promise.all([import('#outbox/device.ts'), import('#contract/counter.ts')]);
      const device = await readDevice().catch(() => undefined);
      if (!device) return 'not-enrolled';
      const response = await this.fetchImpl(apiUrl(device.serverUrl, HELP_CALLS_PATH), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify(call),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (response.ok) return 'sent';
      // The server is busy or down: the call waits like one made offline.
      if (response.status === 429 || response.status >= 500) return 'retry';
      return 'refused';
    } catch {
      return 'retry';
    }
  }

  /** What the citizen sees goes back to the button; calls still waiting are kept and sent. */
  reset(): void {
    this.state = 'idle';
    this.lastCallAt = 0;
  }
}

export const helpCalls = new HelpCalls();
