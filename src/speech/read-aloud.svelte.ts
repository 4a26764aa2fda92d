import type { Rate } from './engine/speaker.ts';

/** What read-aloud needs of the page while on (src/speech/runtime.ts); loaded only when switched on. */
interface Runtime {
  start(): void;
  stop(): void;
  repeat(): void;
  spellReference(): void;
  say(text: string): void;
  detach(): void;
}

/**
 * Read-aloud ("Læs op"): on or off, and how fast. The synthesizer and the screen reader behind it are
 * loaded the first time it is switched on, so the start screen carries none of it. Nothing that was
 * said is kept here; reset() (Finish, idle reset) silences it at once and switches it off.
 */
class ReadAloud {
  on = $state(false);
  rate = $state<Rate>('normal');
  #runtime: Runtime | undefined;
  #loading: Promise<Runtime> | undefined;
  #heard = new Set<() => void>();

  /** Calls `listener` each time a sentence has been read aloud to its end; returns how to stop. */
  onHeard(listener: () => void): () => void {
    this.#heard.add(listener);
    return () => {
      this.#heard.delete(listener);
    };
  }

  /** For the runtime: a sentence has been read aloud to its end. */
  heard(): void {
    for (const listener of this.#heard) listener();
  }

  /** From a touch or key press: browsers start audio only then. */
  switchOn(): void {
    if (this.on) return;
    this.on = true;
    this.#loading ??= import('./runtime.ts').then(({ createRuntime }) => createRuntime(this));
    void this.#loading.then((runtime) => {
      this.#runtime = runtime;
      if (this.on) runtime.start();
    });
  }

  switchOff(): void {
    this.on = false;
    this.#runtime?.detach();
  }

  toggle(): void {
    if (this.on) this.switchOff();
    else this.switchOn();
  }

  setRate(rate: Rate): void {
    this.rate = rate;
  }

  repeat(): void {
    if (this.on) this.#runtime?.repeat();
  }

  stop(): void {
    this.#runtime?.stop();
  }

  spellReference(): void {
    if (this.on) this.#runtime?.spellReference();
  }

  /** Something said outside focus and live regions (the idle warning's countdown). */
  say(text: string): void {
    if (this.on) this.#runtime?.say(text);
  }

  reset(): void {
    this.switchOff();
    this.rate = 'normal';
  }
}

export const readAloud = new ReadAloud();
