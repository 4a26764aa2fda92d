import { qrSvg } from '#app/form-flow/qr.ts';
import { StaffApiError } from '../api/http.ts';
import type { confirmTotp, startTotp } from '../api/session.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

export type EnrolmentStep = 'idle' | 'scan' | 'done';

/** What enrolling a second factor asks the server, and how the address becomes a QR code. */
export interface TotpApi {
  startTotp: typeof startTotp;
  confirmTotp: typeof confirmTotp;
  qrSvg?: typeof qrSvg;
}

/** The field the first code is typed into. */
export const CODE_FIELD = 'totp-code';

/**
 * Enrolling a TOTP second factor: a new secret shown as a QR code (and as text, for apps that
 * cannot scan), a first code to prove the app has it, then the recovery codes, shown this once.
 */
export class TotpEnrolment {
  step = $state<EnrolmentStep>('idle');
  secret = $state('');
  qr = $state('');
  recoveryCodes = $state<string[]>([]);
  busy = $state(false);
  /** 'wrong_code', 'failed' or '' */
  error = $state('');
  /** The first code, as typed. */
  code = $state('');
  errors = $state<FieldError[]>([]);
  readonly #api: Required<TotpApi>;
  readonly #ui: StaffUi;

  constructor(api: TotpApi, ui: StaffUi) {
    this.#api = { qrSvg, ...api };
    this.#ui = ui;
  }

  /** The secret in groups of four, easier to type into an app by hand. */
  get groupedSecret(): string {
    return this.secret.replace(/(.{4})/g, '$1 ').trim();
  }

  async start(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { secret, uri } = await this.#api.startTotp();
      this.secret = secret;
      this.qr = await this.#api.qrSvg(uri);
      this.step = 'scan';
    } catch {
      this.error = 'failed';
    } finally {
      this.busy = false;
    }
  }

  /** True when the factor is on. */
  async confirm(code: string): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      this.recoveryCodes = (await this.#api.confirmTotp(code.replace(/\s+/g, ''))).recoveryCodes;
      this.secret = '';
      this.qr = '';
      this.step = 'done';
      return true;
    } catch (error) {
      this.error = error instanceof StaffApiError && error.code === 'wrong_code' ? 'wrong_code' : 'failed';
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The form's submit: six digits (spaces allowed), then the server; the signed-in member then has the factor. */
  async submitCode(): Promise<void> {
    const ui = this.#ui;
    if (!/^\d{6}$/.test(this.code.replace(/\s+/g, ''))) {
      this.errors = [{ field: CODE_FIELD, message: ui.t('staff:totp.codeFormat') }];
      return;
    }
    this.errors = [];
    const ok = await this.confirm(this.code);
    this.code = '';
    if (ok && ui.user) ui.user = { ...ui.user, secondFactor: true };
    else this.errors = [{ field: CODE_FIELD, message: ui.t(this.error === 'wrong_code' ? 'staff:totp.wrongCode' : 'staff:errors.failed') }];
  }

  reset(): void {
    this.step = 'idle';
    this.secret = '';
    this.qr = '';
    this.recoveryCodes = [];
    this.busy = false;
    this.error = '';
    this.code = '';
    this.errors = [];
  }
}
