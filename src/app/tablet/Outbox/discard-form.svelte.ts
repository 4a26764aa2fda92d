import type { Problem } from '../problems.ts';

/** The confirmation before a rejected item is discarded: a reason is required, and it is kept with the item. */
export class DiscardForm {
  /** The item being discarded; undefined when the dialog is closed. */
  itemId = $state<string | undefined>();
  reference = $state('');
  reason = $state('');
  busy = $state(false);
  failed = $state(false);
  problems = $state<Problem[]>([]);

  open(itemId: string, reference: string): void {
    this.reset();
    this.itemId = itemId;
    this.reference = reference;
  }

  check(): boolean {
    this.problems = this.reason.trim() ? [] : [{ field: 'discard-reason', key: 'outbox.discard.reasonRequired' }];
    return this.problems.length === 0;
  }

  reset(): void {
    this.itemId = undefined;
    this.reference = '';
    this.reason = '';
    this.busy = false;
    this.failed = false;
    this.problems = [];
  }
}
