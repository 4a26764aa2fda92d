import { QUEUE_TICKETS_PATH } from '#contract/counter.ts';
import { apiUrl, readDevice } from '#outbox/device.ts';

export type QueueTicketState = 'idle' | 'taking' | 'taken' | 'offline' | 'failed';

const TIMEOUT_MS = 10_000;

/**
 * A numbered queue ticket for the counter. The number comes from the server (numbers per day,
 * from 1), so a kiosk without a connection says so and prints nothing: a made-up number could
 * match another citizen's. The ticket names nobody.
 */
export class QueueTicketRequest {
  state = $state<QueueTicketState>('idle');
  number = $state<number | undefined>();
  takenAt = $state<string | undefined>();

  constructor(private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {}

  async take(): Promise<QueueTicketState> {
    if (this.state === 'taking' || this.state === 'taken') return this.state;
    this.state = 'taking';
    const device = await readDevice().catch(() => undefined);
    if (!device) return (this.state = 'failed');
    try {
      const response = await this.fetchImpl(apiUrl(device.serverUrl, QUEUE_TICKETS_PATH), {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status === 429 || response.status >= 500) return (this.state = 'offline');
      if (!response.ok) return (this.state = 'failed');
      const body = (await response.json()) as { number: number; createdAt: string };
      this.number = body.number;
      this.takenAt = body.createdAt;
      return (this.state = 'taken');
    } catch {
      return (this.state = 'offline');
    }
  }

  reset(): void {
    this.state = 'idle';
    this.number = undefined;
    this.takenAt = undefined;
  }
}
