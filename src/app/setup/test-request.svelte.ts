import { deviceTestData, DEVICE_TEST_TYPE } from '#forms/device-test.ts';
import { NotEnrolledError, StorageError } from '#outbox/errors.ts';
import { startOutboxSync } from '#outbox/scheduler.ts';
import { submit, type Receipt, type SubmitRequest } from '#outbox/submit.ts';

export interface TestRequestDeps {
  submit?: (request: SubmitRequest) => Promise<Receipt>;
  /** Makes sure this page syncs what it queued (idempotent). */
  startSync?: () => void;
  now?: () => Date;
}

/**
 * "Send a test request" on the set-up screen: queues a 'device-test' request through the real
 * submit (validate → seal → outbox) and makes sure the page syncs it, so that IT staff can see a
 * freshly enrolled device reach the server. Holds no citizen data.
 */
export class TestRequest {
  sending = $state(false);
  receipt = $state<Receipt | undefined>();
  /** A setup-namespace key for the sentence to show when queueing failed. */
  errorKey = $state<string | undefined>();

  private readonly submit: (request: SubmitRequest) => Promise<Receipt>;
  private readonly startSync: () => void;
  private readonly now: () => Date;

  constructor(deps: TestRequestDeps = {}) {
    this.submit = deps.submit ?? ((request) => submit(request));
    this.startSync = deps.startSync ?? (() => void startOutboxSync());
    this.now = deps.now ?? (() => new Date());
  }

  /** Queues one test request; returns its receipt, or undefined with `errorKey` set. */
  async send(): Promise<Receipt | undefined> {
    if (this.sending) return undefined;
    this.sending = true;
    this.errorKey = undefined;
    try {
      // Started before the submit: its 'queued' event is what makes the scheduler send at once.
      this.startSync();
      const receipt = await this.submit({ type: DEVICE_TEST_TYPE, data: deviceTestData(this.now()) });
      this.receipt = receipt;
      return receipt;
    } catch (error) {
      this.receipt = undefined;
      this.errorKey = keyFor(error);
      return undefined;
    } finally {
      this.sending = false;
    }
  }
}

function keyFor(error: unknown): string {
  if (error instanceof NotEnrolledError) return 'setup:test.notEnrolled';
  if (error instanceof StorageError) return 'setup:test.storage';
  console.error('setup: the test request could not be queued', error);
  return 'setup:test.failed';
}
