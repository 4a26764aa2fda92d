/**
 * Limits. The device request rate is kept in memory, per process (with N processes behind a load
 * balancer a device may send at most N times faster; that still stops a runaway device without a
 * database round trip per request). Failed logins and enrolment codes are counted in the database
 * (store/attempt-throttle.ts), shared by every process and kept across restarts.
 */

export interface Limits {
  /** Sustained requests per second one device may make to the sync API. */
  deviceRequestsPerSecond: number;
  /** Requests a device may make at once after being idle (a backlog flush after a day offline). */
  deviceBurst: number;
  /** Failed logins in a row per username before each further attempt must wait (auth/attempt-policy.ts). */
  loginFailuresPerUser: number;
  /** Failed logins per client address before waits begin; higher than per user because a staff room shares one NAT address. */
  loginFailuresPerIp: number;
  /** Wrong enrolment codes per client address before waits begin. */
  enrollFailuresPerIp: number;
  /** Wrong enrolment codes from all addresses together before waits begin: rotating addresses does not help a guesser. */
  enrollFailuresGlobal: number;
  /** The first wait after the free failures; each further failure doubles it. */
  failureDelayBaseMs: number;
  /** The longest wait for a username or for all enrolments: short, since anyone can cause it for someone else. */
  sharedDelayCapMs: number;
  /** The longest wait for one client address: the guesser's own. */
  addressDelayCapMs: number;
  /** A key with no attempt for this long starts afresh. */
  failureWindowMs: number;
  /** Password hashes (19 MiB each) computed at once; more wait in a short queue. */
  maxConcurrentHashes: number;
  /** Logins waiting for a hash slot; beyond it a login is answered 429 at once. */
  maxQueuedHashes: number;
}

export const DEFAULT_LIMITS: Limits = {
  deviceRequestsPerSecond: 20,
  deviceBurst: 40,
  loginFailuresPerUser: 5,
  loginFailuresPerIp: 20,
  enrollFailuresPerIp: 10,
  enrollFailuresGlobal: 50,
  failureDelayBaseMs: 1000,
  sharedDelayCapMs: 60_000,
  addressDelayCapMs: 15 * 60_000,
  failureWindowMs: 60 * 60_000,
  maxConcurrentHashes: 4,
  maxQueuedHashes: 16,
};

/** Keys are swept past this many, so that a flood of distinct keys cannot exhaust memory. */
const SWEEP_ABOVE = 10_000;

/** Token bucket per key. `take` answers 0 when allowed, else the seconds to wait (for Retry-After). */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): number {
    const now = this.now();
    if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }

  /** A full bucket holds no information: forget it. */
  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
