/**
 * In-memory limits, per process. With several processes behind a load balancer each keeps its own
 * counts, so the effective limit is at most N times higher; that still stops a runaway device and
 * password guessing, without a round trip to the database on every request.
 */

export interface Limits {
  /** Sustained requests per second one device may make to the sync API. */
  deviceRequestsPerSecond: number;
  /** Requests a device may make at once after being idle (a backlog flush after a day offline). */
  deviceBurst: number;
  /** Failed logins per username within failureWindowMs before that username is locked. */
  loginFailuresPerUser: number;
  /** Failed logins per client address; higher than per user because a staff room shares one NAT address. */
  loginFailuresPerIp: number;
  /** Wrong enrolment codes per client address. */
  enrollFailuresPerIp: number;
  failureWindowMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  deviceRequestsPerSecond: 20,
  deviceBurst: 40,
  loginFailuresPerUser: 5,
  loginFailuresPerIp: 20,
  enrollFailuresPerIp: 10,
  failureWindowMs: 15 * 60 * 1000,
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

/** At most `max` failures per key within a sliding window; `retryAfter` answers 0 when not locked. */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  retryAfter(key: string): number {
    const recent = this.recent(key, this.now());
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const now = this.now();
    if (this.failures.size > SWEEP_ABOVE) for (const k of this.failures.keys()) this.recent(k, now);
    this.failures.set(key, [...this.recent(key, now), now].slice(-this.max));
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
