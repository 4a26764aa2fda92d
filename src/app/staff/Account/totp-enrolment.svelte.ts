import { qrSvg } from '#app/form-flow/qr.ts';
import { confirmTotp, startTotp, StaffApiError } from '../api.ts';

export type EnrolmentStep = 'idle' | 'scan' | 'done';

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

  /** The secret in groups of four, easier to type into an app by hand. */
  get groupedSecret(): string {
    return this.secret.replace(/(.{4})/g, '$1 ').trim();
  }

  async start(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { secret, uri } = await startTotp();
      this.secret = secret;
      this.qr = await qrSvg(uri);
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
      this.recoveryCodes = (await confirmTotp(code.replace(/\s+/g, ''))).recoveryCodes;
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

  reset(): void {
    this.step = 'idle';
    this.secret = '';
    this.qr = '';
    this.recoveryCodes = [];
    this.busy = false;
    this.error = '';
  }
}
