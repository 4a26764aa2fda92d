/**
 * Locks the vault after inactivity, so that a tablet left open does not stay open.
 *
 * Five minutes: the staff member works at the citizen's kitchen table and looks away for a form or
 * a phone call; shorter would lock mid-conversation, longer would leave an unattended tablet open.
 * No source sets the number: it is a product choice, kept here as one constant to tune.
 */
export const AUTO_LOCK_MS = 5 * 60 * 1000;

export interface AutoLockOptions {
  timeoutMs?: number;
  /** The clock (epoch ms); for tests. */
  now?: () => number;
}

/**
 * A deadline, not a countdown: a tablet that slept, or a throttled background tab, fires its
 * timers late, so each firing and each check() compares the clock with the deadline and locks
 * when it has passed. Call reset() on activity, check() when the page becomes visible again.
 */
export class AutoLockTimer {
  #deadline: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #timeoutMs: number;
  readonly #now: () => number;

  constructor(
    private readonly onLock: () => void,
    options: AutoLockOptions = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? AUTO_LOCK_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Starts watching, or restarts the period after any touch, key or scroll. */
  reset(): void {
    this.#deadline = this.#now() + this.#timeoutMs;
    this.#schedule();
  }

  /** Stops watching (the vault was locked by hand, or the staff member signed out). */
  stop(): void {
    this.#deadline = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get running(): boolean {
    return this.#deadline !== undefined;
  }

  /** Milliseconds until the lock, 0 when it is due, undefined when stopped. */
  remainingMs(): number | undefined {
    return this.#deadline === undefined ? undefined : Math.max(0, this.#deadline - this.#now());
  }

  /** Locks now if the deadline has passed (e.g. on visibilitychange after the tablet slept). */
  check(): void {
    const left = this.remainingMs();
    if (left === undefined) return;
    if (left > 0) return this.#schedule();
    this.stop();
    this.onLock();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const left = this.remainingMs();
    if (left === undefined) return;
    this.#timer = setTimeout(() => this.check(), left);
  }
}
