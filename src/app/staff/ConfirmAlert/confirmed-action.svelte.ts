import { tick } from 'svelte';
import { ui } from '../staff-ui.svelte.ts';

interface Options<T> {
  /** Does it, and says what was done (announced as a success). */
  run: (item: T) => Promise<string>;
  /** Then: reload the list. */
  after: () => Promise<void>;
  /** The heading that takes focus once it is done. */
  doneFocusId: string;
  /** The row's button that takes focus back on cancel. */
  buttonId: (item: T) => string;
  /** What a failure says; ui.failure unless a screen knows better. */
  failure?: (error: unknown) => string;
}

/**
 * An admin list's "are you sure?" cycle (revoke a device or a code, deactivate an account): the row
 * being asked about, the outcome to announce, and where focus goes at each step. The screen shows
 * `confirming` in a ConfirmAlert bound to `box`, and `message`/`failed` in StatusAlerts; `failed`
 * is the screen's load failure too.
 */
export class ConfirmedAction<T> {
  confirming = $state<T | undefined>();
  message = $state<string | undefined>();
  failed = $state<string | undefined>();
  box = $state<{ focus(): void } | undefined>();

  constructor(private readonly options: Options<T>) {}

  async ask(item: T): Promise<void> {
    this.message = undefined;
    this.confirming = item;
    // The question takes focus, so keyboard and screen-reader users meet it before anything else.
    await tick();
    this.box?.focus();
  }

  async confirm(): Promise<void> {
    const item = this.confirming!;
    this.confirming = undefined;
    try {
      this.message = await this.options.run(item);
    } catch (error) {
      this.failed = (this.options.failure ?? ui.failure)(error);
    }
    await this.options.after();
    document.getElementById(this.options.doneFocusId)?.focus();
  }

  cancel(): void {
    const item = this.confirming;
    this.confirming = undefined;
    if (item !== undefined) document.getElementById(this.options.buttonId(item))?.focus();
  }

  /** Nothing asked, nothing to announce. */
  reset(): void {
    this.confirming = undefined;
    this.message = undefined;
    this.failed = undefined;
  }
}
