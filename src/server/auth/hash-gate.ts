/**
 * At most `maxActive` password hashes at once, and at most `maxQueued` logins waiting for one.
 * argon2id takes 19 MiB per hash: without this, 150 logins at once took 2.9 GB. Beyond the queue
 * a login is refused at once (429), so memory stays bounded whatever the load.
 */
export class HashGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most hashes that ever ran at once: the attack tests read it. */
  peak = 0;

  constructor(
    private readonly maxActive: number,
    private readonly maxQueued: number,
  ) {}

  get running(): number {
    return this.active;
  }

  /** Runs `work` when a slot is free; undefined (without running it) when the queue is full too. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxQueued) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.peak = Math.max(this.peak, this.active);
    try {
      return { value: await work() };
    } finally {
      // The slot passes straight to the next in line, so `active` never overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
