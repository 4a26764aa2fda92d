/**
 * Watches for inactivity. After `idleSeconds` without a touch it warns, counting down
 * `warningSeconds` (at least 20: WCAG 2.2.1 Timing Adjustable), and any touch during the warning
 * continues the session. When the countdown ends, onTimeout runs (the kiosk resets).
 */
export class IdleTimer {
  warning = $state(false);
  secondsLeft = $state(0);

  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #armed = false;

  constructor(
    private readonly settings: () => { idleSeconds: number; warningSeconds: number },
    private readonly onTimeout: () => void,
  ) {}

  /** Starts watching (or restarts the idle period). */
  arm(): void {
    this.#armed = true;
    this.#restart();
  }

  /** Stops watching and hides any warning. */
  disarm(): void {
    this.#armed = false;
    this.#clear();
  }

  /** Any touch, key or scroll by the citizen. */
  activity(): void {
    if (this.#armed) this.#restart();
  }

  /**
   * A sentence read aloud to the citizen has ended: someone listening to a long receipt is not
   * idle. During the warning it counts for nothing, so that the warning's own spoken words cannot
   * keep a kiosk that was walked away from from resetting.
   */
  heard(): void {
    if (!this.warning) this.activity();
  }

  #restart(): void {
    this.#clear();
    this.#idleTimer = setTimeout(() => this.#warn(), this.settings().idleSeconds * 1000);
  }

  #warn(): void {
    // Counted from a deadline, not by ticks: a busy or throttled page must not stretch the warning.
    const deadline = Date.now() + this.settings().warningSeconds * 1000;
    const tick = () => {
      this.secondsLeft = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (this.secondsLeft > 0) return;
      this.disarm();
      this.onTimeout();
    };
    this.warning = true;
    tick();
    this.#countdown = setInterval(tick, 250);
  }

  #clear(): void {
    clearTimeout(this.#idleTimer);
    clearInterval(this.#countdown);
    this.warning = false;
  }
}
