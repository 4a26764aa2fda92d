import { toPayload } from '#forms/engine/payload.ts';
import type { Answers, FieldError, FormDefinition, StepDefinition } from '#forms/engine/types.ts';
import { validatePayload, validateStep } from '#forms/engine/validate.ts';
import { SubmissionInvalidError, SubmissionTooLargeError } from '#outbox/errors.ts';
import type { Receipt, SubmitRequest } from '#outbox/submit.ts';
import { FIRST_SYNC_WAIT_MS } from '../Receipt/delivery.svelte.ts';
import { fieldId } from '../fields/field-props.ts';
import type { Reservation } from '../booking/booking-client.ts';

/** Why a request could not be queued: the citizen is offered a printed copy instead. */
export type Failure = 'storage' | 'tooLarge' | 'invalid';

/** Where the focus goes after an action: the new screen's heading, the error summary, or a field. */
export type FocusTarget = { to: 'heading' } | { to: 'summary' } | { to: 'field'; id: string };

/** What the flow does outside itself; the screen passes the real ones, tests pass fakes. */
export interface FormFlowIO {
  /** Seals the request and puts it in the outbox (the outbox code is loaded on demand). */
  submit: (request: SubmitRequest) => Promise<Receipt>;
  /** Starts following the request to the server; resolves after the first look once a sync ended. */
  watchDelivery: (id: string) => Promise<void>;
  /** The receipt's QR code for a reference, as SVG. */
  qr: (reference: string) => Promise<string>;
  /** Whether the device believes it is online. */
  online: () => boolean;
  wait: (ms: number) => Promise<void>;
  /** Online, reserves the form's chosen time for the reference before the request is queued (booking/booking-client.ts). */
  reserve?: (slot: string, reference: string) => Promise<Reservation>;
  /** Makes the receipt reference a reservation is made for. */
  newReference?: () => string;
}

/** The screen's props the flow reads: the form, where its answers live, and who is told what. */
export interface FormFlowProps {
  form: FormDefinition;
  answers: Answers;
  /** True on a staff tablet when a staff member fills the form in for the citizen. */
  assisted?: boolean;
  /** The staff member who filled it in, sent with `assisted`. */
  assistedBy?: string;
  /** Called after every Next, Back or Change with the step now shown. */
  onprogress?: (stepIndex: number) => void;
  /** Called once the request is in the outbox. */
  onsubmitted?: (receipt: Receipt) => void;
}

/**
 * A form, one step per screen, then "Check your answers" (the step after the last), then the
 * receipt or, when the request could not be queued, the failure. The answers are the caller's
 * (the kiosk session's), never copied here, so that a language switch keeps them.
 */
export class FormFlowState {
  readonly #props: () => FormFlowProps;
  readonly #io: FormFlowIO;
  readonly #startStep: number;
  /** The day the form was opened: dates and age limits are judged against it. */
  readonly today: Date;

  stepIndex = $state(0);
  /** Set by "Change" on the check-answers page: Next then goes straight back there. */
  returnToCheck = $state(false);
  errors = $state<FieldError[]>([]);
  submitting = $state(false);
  receipt = $state<Receipt | undefined>();
  /** The server holds the chosen time for this request (reserved online): the receipt says it is booked, not that staff will call to confirm it. */
  timeBooked = $state(false);
  failure = $state<Failure | undefined>();
  qr = $state<string | undefined>();
  /** The nearest free times, offered when the chosen time was just taken by someone else. */
  alternatives = $state<string[]>([]);

  /** The answers as the request will carry them. */
  readonly payload: Answers;
  /** True on the check-answers page. */
  readonly checking: boolean;
  readonly step: StepDefinition | undefined;
  /** True once there is a receipt or a failure to show. */
  readonly finished: boolean;

  constructor(props: () => FormFlowProps, io: FormFlowIO, options: { startStep?: number; today?: Date } = {}) {
    this.#props = props;
    this.#io = io;
    this.today = options.today ?? new Date();
    // A draft opens at its step (the check-answers page at most); the kiosk always starts at 0.
    this.#startStep = Math.min(Math.max(options.startStep ?? 0, 0), props().form.steps.length);
    this.stepIndex = this.#startStep;
    this.payload = $derived(toPayload(props().form, props().answers, this.today));
    this.checking = $derived(this.stepIndex === props().form.steps.length);
    this.step = $derived(props().form.steps[this.stepIndex]);
    this.finished = $derived(this.receipt !== undefined || this.failure !== undefined);
  }

  /** Next: the step's answers are checked; with none wrong, on to the next step or back to the check page. */
  next(): FocusTarget {
    const { form } = this.#props();
    const found = validateStep(form, this.stepIndex, this.payload, this.today);
    if (found.length > 0) {
      this.errors = found;
      return { to: 'summary' };
    }
    this.errors = [];
    this.#moveTo(this.returnToCheck ? form.steps.length : this.stepIndex + 1);
    return { to: 'heading' };
  }

  /** Back one step; on the first step there is nothing to do here (the link leaves the form). */
  back(): FocusTarget | undefined {
    if (this.stepIndex === 0) return undefined;
    this.errors = [];
    this.#moveTo(this.stepIndex - 1);
    return { to: 'heading' };
  }

  /** "Change" on the check-answers page: to the step with the field, then straight back. */
  change(index: number, field: string): FocusTarget {
    this.errors = [];
    this.#moveTo(index, true);
    return { to: 'field', id: fieldId(field) };
  }

  /** Queues the request; any failure to keep it means: offer the citizen a printed copy. */
  async send(): Promise<FocusTarget> {
    const { form, assisted, assistedBy } = this.#props();
    const found = validatePayload(form, this.payload, this.today);
    if (found.length > 0) {
      // Only reachable if an earlier answer changed meaning; show the first step that needs it.
      const onStep = (index: number) => (e: FieldError) => form.steps[index]!.fields.some((f) => e.path.split('.')[0] === f.name);
      this.stepIndex = Math.max(form.steps.findIndex((_, i) => found.some(onStep(i))), 0);
      this.errors = found.filter(onStep(this.stepIndex));
      return { to: 'summary' };
    }
    this.submitting = true;
    // Only a form with a time, online, waits for the server here.
    const pending = this.#reserve();
    const reservation = pending && (await pending);
    if (reservation?.taken) {
      this.submitting = false;
      return reservation.taken;
    }
    this.timeBooked = reservation?.booked === true;
    try {
      this.receipt = await this.#io.submit({
        type: form.type,
        data: this.payload,
        ...(assisted === undefined ? {} : { assisted }),
        ...(assistedBy === undefined ? {} : { assistedBy }),
        ...(reservation ? { reference: reservation.reference } : {}),
      });
      this.#props().onsubmitted?.(this.receipt);
      // Online, give the first sync a moment, so the receipt opens with "sent" rather than
      // changing under the citizen's eyes; offline it says "saved on this device" at once.
      const first = this.#io.watchDelivery(this.receipt.id);
      if (this.#io.online()) await Promise.race([first, this.#io.wait(FIRST_SYNC_WAIT_MS)]);
    } catch (error) {
      console.error('forms: submit failed', error instanceof Error ? error.name : typeof error);
      this.failure = failureOf(error);
    } finally {
      this.submitting = false;
    }
    // The request is queued whatever happens here; a receipt without a QR code still has the reference.
    const receipt = this.receipt;
    if (receipt) this.qr = await this.#io.qr(receipt.reference).catch(() => undefined);
    return { to: 'heading' };
  }

  /**
   * A form with a time (book-time), online: reserve the time for a new reference first. When it
   * was just taken, back to the time's step with the nearest free times and every other answer
   * kept; Next then returns to the check page. Unreachable, the request is queued with the same
   * reference and the server books it (or proposes another time) when it arrives.
   */
  #reserve(): Promise<{ reference: string; booked?: boolean; taken?: FocusTarget }> | undefined {
    const { form } = this.#props();
    const step = form.steps.findIndex((s) => s.fields.some((f) => f.kind === 'slot'));
    const field = form.steps[step]?.fields.find((f) => f.kind === 'slot');
    const slot = field && this.payload[field.name];
    const { reserve, newReference } = this.#io;
    if (!field || typeof slot !== 'string' || !reserve || !newReference || !this.#io.online()) return undefined;
    return this.#reserveSlot(step, field.name, slot, reserve, newReference());
  }

  async #reserveSlot(step: number, name: string, slot: string, reserve: NonNullable<FormFlowIO['reserve']>, reference: string) {
    const result = await reserve(slot, reference);
    if (result.kind !== 'taken') return { reference, booked: result.kind === 'booked' };
    this.alternatives = result.alternatives;
    this.#props().answers[name] = undefined;
    this.#moveTo(step, true);
    this.errors = [{ path: name, code: 'taken' }];
    return { reference, taken: { to: 'summary' } as FocusTarget };
  }

  /** The citizen took one of the offered times: it becomes the answer, and Next goes back to the check page. */
  chooseAlternative(slot: string): FocusTarget {
    const field = this.step?.fields.find((f) => f.kind === 'slot');
    if (field) this.#props().answers[field.name] = slot;
    this.alternatives = [];
    return this.next();
  }

  /** Back to where the flow opened, with nothing sent and no errors shown. */
  reset(): void {
    this.stepIndex = this.#startStep;
    this.returnToCheck = false;
    this.errors = [];
    this.submitting = false;
    this.receipt = undefined;
    this.timeBooked = false;
    this.failure = undefined;
    this.qr = undefined;
    this.alternatives = [];
  }

  #moveTo(index: number, returnToCheck = false): void {
    this.stepIndex = index;
    this.returnToCheck = returnToCheck;
    this.#props().onprogress?.(index);
  }
}

/** NotEnrolledError, StorageError and anything unforeseen all mean: this device cannot keep it, print it. */
export function failureOf(error: unknown): Failure {
  if (error instanceof SubmissionTooLargeError) return 'tooLarge';
  if (error instanceof SubmissionInvalidError) return 'invalid';
  return 'storage';
}
