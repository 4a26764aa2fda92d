import type { DeviceKind, EnrolmentCodeAnswer, EnrolmentCodeCreated } from '#contract/staff.ts';
import type { createEnrolmentCode, listEnrolmentCodes, revokeEnrolmentCode } from '../api/enrolment-codes.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import { ConfirmedAction } from '../ConfirmAlert/confirmed-action.svelte.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What the enrolment codes screen asks the server. */
export interface EnrolmentCodesApi {
  listEnrolmentCodes: typeof listEnrolmentCodes;
  createEnrolmentCode: typeof createEnrolmentCode;
  revokeEnrolmentCode: typeof revokeEnrolmentCode;
}

const wholeNumber = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

/**
 * Enrolment codes: a new code (label, device kind, hours valid, how many uses), shown once, and the
 * list with revoking after a question.
 */
export class AdminEnrolmentCodes {
  hours = $state('24');
  label = $state('');
  kind = $state('');
  maxUses = $state('');
  errors = $state<FieldError[]>([]);
  /** Shown once and kept only here: leaving the screen forgets it, as the server does. */
  created = $state<Pick<EnrolmentCodeCreated, 'code' | 'expiresAt'> | undefined>();
  busy = $state(false);
  codes = $state<EnrolmentCodeAnswer[] | undefined>();
  /** The list's states (expired, …) are as of the last load; it is reloaded after every change. */
  now = $state(new Date().toISOString());
  readonly revoking: ConfirmedAction<EnrolmentCodeAnswer>;
  readonly #api: EnrolmentCodesApi;
  readonly #ui: StaffUi;

  constructor(api: EnrolmentCodesApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
    this.revoking = new ConfirmedAction<EnrolmentCodeAnswer>({
      run: async (code) => {
        await api.revokeEnrolmentCode(code.id);
        return ui.t('staff:codes.revoked', { name: this.nameOf(code) });
      },
      failure: ui.failure,
      after: () => this.load(),
      doneFocusId: 'codes-list-heading',
      buttonId: (code) => `revoke-code-${code.id}`,
    });
  }

  /** A code's name: its label, else when it was made. */
  nameOf = (code: EnrolmentCodeAnswer) => code.label || this.#ui.t('staff:codes.unnamed', { date: this.#ui.dateTime(code.createdAt) });

  async load(): Promise<void> {
    try {
      this.codes = (await this.#api.listEnrolmentCodes()).codes;
      this.now = new Date().toISOString();
    } catch (error) {
      this.revoking.failed = this.#ui.failure(error);
    }
  }

  #validate(): FieldError[] {
    const t = this.#ui.t;
    const found: FieldError[] = [];
    if (!wholeNumber(this.hours, 1, 168)) found.push({ field: 'code-hours', message: t('staff:codes.expiresInInvalid') });
    if (/[<>]/.test(this.label) || this.label.trim().length > 80) found.push({ field: 'code-label', message: t('staff:codes.labelInvalid') });
    if (this.maxUses.trim() && !wholeNumber(this.maxUses, 1, 500)) found.push({ field: 'code-uses', message: t('staff:codes.maxUsesInvalid') });
    return found;
  }

  async create(): Promise<void> {
    this.revoking.message = undefined;
    this.errors = this.#validate();
    if (this.errors.length > 0) return;
    this.busy = true;
    try {
      this.created = await this.#api.createEnrolmentCode({
        expiresInHours: Number(this.hours),
        label: this.label.trim(),
        kind: (this.kind || null) as DeviceKind | null,
        maxUses: this.maxUses.trim() ? Number(this.maxUses) : null,
      });
      this.label = '';
      this.maxUses = '';
      await this.load();
    } catch (error) {
      this.errors = [{ field: 'code-hours', message: this.#ui.failure(error) }];
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.hours = '24';
    this.label = '';
    this.kind = '';
    this.maxUses = '';
    this.errors = [];
    this.created = undefined;
    this.busy = false;
    this.codes = undefined;
    this.now = new Date().toISOString();
    this.revoking.reset();
  }
}
