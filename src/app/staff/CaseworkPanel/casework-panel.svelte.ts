import type { CaseStateAnswer, StaffAccountAnswer } from '#contract/staff.ts';
import type { addNote, assignSubmission } from '../api/casework.ts';
import { StaffApiError } from '../api/http.ts';
import type { listUsers } from '../api/users.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';
import { caseworkMessageKey } from './casework-errors.ts';

/** What the casework panel asks the server. */
export interface CaseworkApi {
  assignSubmission: typeof assignSubmission;
  addNote: typeof addNote;
  listUsers: typeof listUsers;
}

/**
 * Who has a case, and notes at any time. The server decides who may assign to whom; the panel
 * offers the buttons it will accept and says in words why it refused.
 */
export class CaseworkPanel {
  note = $state('');
  noteError = $state<string | undefined>();
  message = $state<string | undefined>();
  failed = $state<string | undefined>();
  busy = $state(false);
  /** Active accounts an admin may give the case to. */
  accounts = $state<StaffAccountAnswer[]>([]);
  chosen = $state('');
  readonly #api: CaseworkApi;
  readonly #ui: StaffUi;
  readonly #changed: (state: CaseStateAnswer) => void;

  constructor(api: CaseworkApi, ui: StaffUi, changed: (state: CaseStateAnswer) => void) {
    this.#api = api;
    this.#ui = ui;
    this.#changed = changed;
  }

  async loadAccounts(): Promise<void> {
    this.accounts = await this.#api
      .listUsers()
      .then((r) => r.users.filter((u) => u.disabledAt === null))
      .catch(() => []);
  }

  /** Gives case `id` to a username, or to nobody (null). */
  assignTo(id: string, username: string | null): Promise<void> {
    const ui = this.#ui;
    return this.#run(
      () => this.#api.assignSubmission(id, username),
      (s) => (s.assignee ? ui.t('staff:casework.assigned', { username: s.assignee }) : ui.t('staff:casework.released')),
    );
  }

  async saveNote(id: string): Promise<void> {
    const ui = this.#ui;
    this.noteError = this.note.trim() ? undefined : ui.t('staff:casework.noteRequired');
    if (this.noteError) return;
    await this.#run(
      () => this.#api.addNote(id, this.note.trim()),
      () => {
        this.note = '';
        return ui.t('staff:casework.noteSaved');
      },
    );
  }

  async #run(action: () => Promise<CaseStateAnswer>, done: (state: CaseStateAnswer) => string): Promise<void> {
    this.busy = true;
    this.message = undefined;
    this.failed = undefined;
    try {
      const state = await action();
      this.message = done(state);
      this.#changed(state);
    } catch (error) {
      const key = error instanceof StaffApiError ? caseworkMessageKey(error.code) : undefined;
      this.failed = key ? this.#ui.t(key) : this.#ui.failure(error);
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.note = '';
    this.noteError = undefined;
    this.message = undefined;
    this.failed = undefined;
    this.busy = false;
    this.accounts = [];
    this.chosen = '';
  }
}
