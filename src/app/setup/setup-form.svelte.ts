import { enrol, type EnrolInput } from '#outbox/enrol.ts';
import { EnrolmentError, StorageError, type EnrolmentErrorCode } from '#outbox/errors.ts';
import type { DeviceKind, DeviceRecord } from '#outbox/records.ts';

/** The form fields that can be in error, by element id on the set-up screen. */
export type SetupField = 'setup-server' | 'setup-code' | 'setup-name';

/** An error to show: on a field (linked from the summary) or for the form as a whole. `key` is in the setup namespace. */
export interface SetupError {
  field?: SetupField;
  key: string;
}

/** Where each enrolment failure is shown, and with which sentence. */
const enrolmentErrors: Record<EnrolmentErrorCode, SetupError> = {
  invalid_url: { field: 'setup-server', key: 'setup:errors.serverInvalid' },
  unreachable: { field: 'setup-server', key: 'setup:errors.unreachable' },
  not_a_server: { field: 'setup-server', key: 'setup:errors.notAServer' },
  bad_response: { field: 'setup-server', key: 'setup:errors.badResponse' },
  wrong_code: { field: 'setup-code', key: 'setup:errors.wrongCode' },
  code_expired: { field: 'setup-code', key: 'setup:errors.codeExpired' },
  code_revoked: { field: 'setup-code', key: 'setup:errors.codeRevoked' },
  code_used_up: { field: 'setup-code', key: 'setup:errors.codeUsedUp' },
  code_wrong_kind: { field: 'setup-code', key: 'setup:errors.codeWrongKind' },
  invalid_input: { key: 'setup:errors.invalidInput' },
  rate_limited: { key: 'setup:errors.rateLimited' },
  server_error: { key: 'setup:errors.serverError' },
};

/**
 * What staff type on the set-up screen, its validation, and the enrolment itself. In a class of
 * its own (with $state fields) so it can be tested without a DOM.
 */
export class SetupForm {
  server = $state('');
  code = $state('');
  name = $state('');
  kind = $state<DeviceKind>('kiosk');
  errors = $state<SetupError[]>([]);
  submitting = $state(false);

  /** `origin` is the app's own: an address equal to it is stored as '' (this origin) so it follows the app. */
  constructor(
    private readonly origin: string,
    private readonly enrolDevice: (input: EnrolInput) => Promise<DeviceRecord> = enrol,
  ) {
    this.reset();
  }

  /** Fills the form for a new enrolment: this server, and the current name and kind if there are any. */
  reset(current?: Pick<DeviceRecord, 'serverUrl' | 'name' | 'kind'>): void {
    this.server = current?.serverUrl || this.origin;
    this.code = '';
    this.name = current?.name ?? '';
    this.kind = current?.kind ?? 'kiosk';
    this.errors = [];
  }

  errorFor(field: SetupField): SetupError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  /** Checks what can be checked here; the server checks the code. */
  validate(): SetupError[] {
    const errors: SetupError[] = [];
    if (this.server.trim() && !/^https?:\/\/[^\s/]+/i.test(this.server.trim())) {
      errors.push({ field: 'setup-server', key: 'setup:errors.serverInvalid' });
    }
    if (!this.code.trim()) errors.push({ field: 'setup-code', key: 'setup:errors.codeRequired' });
    if (!this.name.trim()) errors.push({ field: 'setup-name', key: 'setup:errors.nameRequired' });
    return errors;
  }

  /** Enrols the device; returns the enrolment, or undefined with `errors` set. */
  async submit(): Promise<DeviceRecord | undefined> {
    this.errors = this.validate();
    if (this.errors.length > 0 || this.submitting) return undefined;
    this.submitting = true;
    try {
      const device = await this.enrolDevice({ serverUrl: this.serverUrl(), code: this.code, name: this.name, kind: this.kind });
      this.code = '';
      return device;
    } catch (error) {
      this.errors = [errorFor(error)];
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  private serverUrl(): string {
    const typed = this.server.trim().replace(/\/+$/, '');
    return typed.toLowerCase() === this.origin.toLowerCase() ? '' : typed;
  }
}

function errorFor(error: unknown): SetupError {
  if (error instanceof EnrolmentError) return enrolmentErrors[error.code];
  if (error instanceof StorageError) return { key: 'setup:errors.storage' };
  console.error('setup: enrolment failed', error);
  return { key: 'setup:errors.unexpected' };
}
