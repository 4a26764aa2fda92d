import type { AuditEntry, CaseStateAnswer, SubmissionDetailAnswer, SubmissionStatus } from '#contract/staff.ts';
import { noteRequirement } from '#domain/casework/submission-workflow.ts';
import type { auditOf } from '../api/audit.ts';
import { StaffApiError } from '../api/http.ts';
import type { readSubmission, recordPrint, transition } from '../api/submissions.ts';
import { caseworkMessageKey } from '../CaseworkPanel/casework-errors.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import { assistedBy } from '../DraftView/draft-shape.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What one case's screen asks the server, and how it prints. */
export interface SubmissionApi {
  readSubmission: typeof readSubmission;
  auditOf: typeof auditOf;
  recordPrint: typeof recordPrint;
  transition: typeof transition;
  /** The browser's print dialog. */
  print: () => void;
}

/** The field a missing or refused note is reported on. */
export const NOTE_FIELD = 'transition-note';

/**
 * One case: the submission as the server has it, its audit entries, and the steps a caseworker
 * takes (move it along with a note, print it). Every read and every print is in the audit log.
 */
export class SubmissionCase {
  submission = $state<SubmissionDetailAnswer | undefined>();
  audit = $state<AuditEntry[]>([]);
  missing = $state(false);
  failed = $state<string | undefined>();
  note = $state('');
  errors = $state<FieldError[]>([]);
  message = $state<string | undefined>();
  busy = $state(false);
  readonly #api: SubmissionApi;
  readonly #ui: StaffUi;

  constructor(api: SubmissionApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
  }

  /** Who filled it in: the server answers the payload's flag and staff username beside the metadata too. */
  get assisted() {
    const s = this.submission;
    return assistedBy(s && { assisted: s.assisted ?? s.payload.assisted, assistedBy: s.assistedBy ?? s.payload.assistedBy });
  }

  async load(id: string): Promise<void> {
    this.failed = undefined;
    try {
      // Read first: the server audits the read, so the audit list then includes it.
      this.submission = await this.#api.readSubmission(id);
      this.audit = (await this.#api.auditOf(id)).entries;
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 404) this.missing = true;
      else this.failed = this.#ui.failure(error);
    }
  }

  /** Every paper copy is audited like a read on screen: no entry, no print. */
  async print(): Promise<void> {
    if (!this.submission) return;
    this.message = undefined;
    this.failed = undefined;
    try {
      await this.#api.recordPrint(this.submission.id);
    } catch (error) {
      this.failed = this.#ui.failure(error);
      return;
    }
    this.#api.print();
    await this.#reloadAudit();
  }

  /** After an assignment or a note: the case as the server now has it, and its audit entries. */
  async caseChanged(state: CaseStateAnswer): Promise<void> {
    if (!this.submission) return;
    this.submission = { ...this.submission, ...state };
    await this.#reloadAudit();
  }

  /** A step's button says "reopen" where the workflow calls the step a reopening. */
  isReopening(to: SubmissionStatus): boolean {
    return !!this.submission && noteRequirement(this.submission.status, to) === 'reopen_needs_reason';
  }

  async move(to: SubmissionStatus): Promise<void> {
    const submission = this.submission;
    if (!submission) return;
    const ui = this.#ui;
    // The workflow's own rule, which the server enforces too: a rejection and a reopening need a note.
    const needs = this.note.trim() ? undefined : noteRequirement(submission.status, to);
    this.errors = needs ? [{ field: NOTE_FIELD, message: ui.t(caseworkMessageKey(needs)!) }] : [];
    if (this.errors.length > 0) return;
    this.busy = true;
    this.message = undefined;
    try {
      await this.#api.transition(submission.id, to, this.note.trim() || null);
      this.note = '';
      this.message = ui.t('staff:detail.moved', { status: ui.t(`staff:status.${to}`) });
    } catch (error) {
      const refusal = error instanceof StaffApiError ? caseworkMessageKey(error.code) : undefined;
      if (error instanceof StaffApiError && error.status === 409) this.message = ui.t('staff:detail.conflict');
      else if (refusal) this.errors = [{ field: NOTE_FIELD, message: ui.t(refusal) }];
      else this.failed = ui.failure(error);
    } finally {
      this.busy = false;
    }
    await this.load(submission.id);
  }

  async #reloadAudit(): Promise<void> {
    const id = this.submission!.id;
    this.audit = (await this.#api.auditOf(id).catch(() => ({ entries: this.audit }))).entries;
  }

  reset(): void {
    this.submission = undefined;
    this.audit = [];
    this.missing = false;
    this.failed = undefined;
    this.note = '';
    this.errors = [];
    this.message = undefined;
    this.busy = false;
  }
}
