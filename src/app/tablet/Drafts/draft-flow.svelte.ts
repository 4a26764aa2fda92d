import { titleKey } from '#forms/engine/keys.ts';
import type { FormDefinition } from '#forms/engine/types.ts';
import type { Vault } from '#vault/vault.ts';

/** How long typing must pause before the draft is encrypted and written. */
export const SAVE_AFTER_TYPING_MS = 800;

/** What the draft flow needs of the open vault (the vault itself; a fake in the unit tests). */
export type DraftStore = Pick<Vault, 'loadDraft' | 'saveDraft' | 'deleteDraft' | 'locked'>;

const logged = (what: string) => (error: unknown) => console.error(`tablet: could not ${what}`, error instanceof Error ? error.name : typeof error);

/**
 * A form filled in on the tablet and kept as an encrypted draft: saved a moment after staff stop
 * typing, after every step, and when the tablet locks (the screen registers saveNow() with
 * draft-keeper.ts); on submit the draft goes. Saves and the final delete run one after another: a
 * save still encrypting when the form is sent must not land after the delete and bring the
 * finished request back as a draft.
 */
export class DraftFlowController {
  /** The draft read back: the step to start at, and the answers (the session's, so a lock clears them). */
  ready = $state<{ startStep: number; answers: Record<string, unknown> } | undefined>();
  loadFailed = $state(false);
  saved = $state<'saved' | 'failed' | undefined>();
  /** How many saves have been written (an attribute for tests: the status text does not change between saves). */
  saves = $state(0);

  /** The step on screen, as the form flow last reported it. */
  private step = 0;
  /** Something was typed or a step changed since the last save. */
  private dirty = false;
  /** Sent: nothing more is saved, so the finished request never comes back as a draft. */
  private done = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The answers as last seen, serialized. */
  private seen: string | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** `answersFor` hands out the in-memory answers of a flow (the session's, cleared by a lock). */
  constructor(
    private readonly vault: DraftStore,
    private readonly id: string,
    private readonly form: Pick<FormDefinition, 'id'>,
    private readonly answersFor: (flow: string) => Record<string, unknown>,
  ) {}

  async open(): Promise<void> {
    try {
      const draft = await this.vault.loadDraft(this.id);
      const answers = this.answersFor(`draft:${this.id}`);
      if (draft) Object.assign(answers, draft.answers);
      this.step = draft?.stepIndex ?? 0;
      this.ready = { startStep: this.step, answers };
    } catch (error) {
      logged('open the draft')(error);
      this.loadFailed = true;
    }
  }

  /** The answers may have changed (`serialized` is them as JSON): a save once typing pauses. */
  answered(serialized: string): void {
    const first = this.seen === undefined;
    const changed = this.seen !== serialized;
    this.seen = serialized;
    if (first || !changed) return;
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), SAVE_AFTER_TYPING_MS);
  }

  /** Encrypts and writes what is typed now, if anything changed; resolves when it is written. */
  saveNow(): Promise<void> {
    clearTimeout(this.timer);
    if (this.done || !this.dirty || !this.ready || this.vault.locked) return this.queue;
    this.dirty = false;
    const answers = $state.snapshot(this.ready.answers) as Record<string, unknown>;
    const stepIndex = this.step;
    return this.inTurn(async () => {
      try {
        // The label is the form's title key: the list of drafts shows no citizen data.
        await this.vault.saveDraft({ id: this.id, formId: this.form.id, stepIndex, label: titleKey(this.form), answers });
        this.saved = 'saved';
        this.saves += 1;
      } catch (error) {
        logged('save the draft')(error);
        this.dirty = true;
        this.saved = 'failed';
      }
    });
  }

  /** The form moved to another step. */
  progress(stepIndex: number): void {
    this.step = stepIndex;
    this.dirty = true;
    void this.saveNow();
  }

  /** The sealed request is in the outbox; the draft has done its work. */
  submitted(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.saved = undefined;
    void this.inTurn(() => this.vault.deleteDraft(this.id).catch(logged('delete the draft')));
  }

  /** Calls `onfinish` once every save and the delete have run. */
  finish(onfinish: () => void): void {
    void this.queue.then(onfinish);
  }

  /** The screen goes: no save is pending any more. */
  close(): void {
    clearTimeout(this.timer);
  }

  reset(): void {
    this.close();
    this.ready = undefined;
    this.loadFailed = false;
    this.saved = undefined;
    this.saves = 0;
    this.step = 0;
    this.dirty = false;
    this.done = false;
    this.seen = undefined;
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    return (this.queue = this.queue.then(work));
  }
}
