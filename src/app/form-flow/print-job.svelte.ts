import { flushSync, tick } from 'svelte';
import { printCopy, type PrintVariant } from './print.ts';

/**
 * The printed copy exists only while printing: it is built when the citizen presses Print (or the
 * browser starts printing on its own: beforeprint) and removed again on afterprint, so that the
 * receipt page's HTML never holds the citizen's answers for the next person to read.
 */
export class PrintJob {
  variant = $state<PrintVariant | undefined>();

  async print(variant: PrintVariant): Promise<void> {
    this.variant = variant;
    await tick();
    printCopy(variant);
  }

  /** For window's beforeprint: the copy must be in the DOM before the browser lays out the page. */
  readonly before = (): void => {
    if (this.variant) return;
    this.variant = 'a4';
    flushSync();
  };

  /** For window's afterprint. */
  readonly after = (): void => {
    this.variant = undefined;
  };

  reset(): void {
    this.variant = undefined;
  }
}
