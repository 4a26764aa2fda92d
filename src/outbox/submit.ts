import { MAX_ASSISTED_BY, MAX_BODY_BYTES, type SealedPayload } from '#contract/v1.ts';
import { requestType, validateRequest } from '#forms/index.ts';
import { withStorage } from './db.ts';
import { readDevice } from './device.ts';
import { seal } from './envelope.ts';
import { attachStaffCredential } from './staff-credential.ts';
import { NotEnrolledError, SubmissionInvalidError, SubmissionTooLargeError } from './errors.ts';
import { emitOutbox } from './events.ts';
import { newReference, normalizeReference } from '#domain/reference.ts';
import { queuedItem } from './state.ts';

/** How many enqueue timings to keep before starting over (tests/bench/enqueue.ts reads up to 1,000). */
const MAX_ENQUEUE_MEASURES = 2_000;

export interface SubmitRequest {
  type: string;
  data: Record<string, unknown>;
  /** True when a staff member filled it in for the citizen. */
  assisted?: boolean;
  /** The staff member's username when assisted (at most MAX_ASSISTED_BY characters); sealed with the answers. */
  assistedBy?: string;
  /** A reference made before sending, when a time was reserved online for it; otherwise one is made here. */
  reference?: string;
}

/** What the receipt shows; available offline, because the reference is made here. */
export interface Receipt {
  id: string;
  reference: string;
  createdAt: string;
  type: string;
}

export interface SubmitOptions {
  /** The moment of submission; for tests. */
  now?: () => Date;
}

/**
 * Validates, encrypts for the server, and commits one envelope to the outbox, then asks for a
 * sync without waiting for it. Up to this call the citizen's answers live only in memory; after
 * it only the ciphertext is stored: the device never keeps a citizen's answers readable.
 *
 * Throws SubmissionInvalidError (nothing stored), NotEnrolledError, SubmissionTooLargeError, or
 * StorageError (quota, closed or blocked database): in every case the answers are still in the
 * caller's memory, and the kiosk offers a printed copy for the counter.
 */
export async function submit(request: SubmitRequest, options: SubmitOptions = {}): Promise<Receipt> {
  const started = performance.now();
  const { type } = request;
  const schemaVersion = requestType(type)?.current ?? 0;
  // The same schema the server applies to the decrypted payload (src/forms), so they cannot disagree.
  const validation = validateRequest(type, schemaVersion, request.data);
  if (!validation.ok) throw new SubmissionInvalidError(type, validation.errors);
  const assistedBy = request.assistedBy?.trim();
  if (assistedBy !== undefined && (assistedBy === '' || assistedBy.length > MAX_ASSISTED_BY)) {
    throw new SubmissionInvalidError(type, [{ path: 'assistedBy', code: assistedBy === '' ? 'required' : 'max_length' }]);
  }

  const reference = request.reference === undefined ? newReference() : normalizeReference(request.reference);
  if (reference === undefined) throw new SubmissionInvalidError(type, [{ path: 'reference', code: 'format' }]);

  const device = await readDevice();
  if (!device) throw new NotEnrolledError('outbox.submit');

  const now = options.now?.() ?? new Date();
  const payload: SealedPayload = {
    type,
    schemaVersion,
    reference,
    createdAt: now.toISOString(),
    ...(request.assisted === undefined ? {} : { assisted: request.assisted }),
    ...(assistedBy === undefined ? {} : { assistedBy }),
    // The schema's output: fields the schema does not know are not sent.
    data: validation.data,
  };
  const id = crypto.randomUUID();
  const envelope = attachStaffCredential(await seal(payload, { id }, device.serverKey), assistedBy, device, now);

  // Refused here rather than queued for ever: the server answers 413 to a body over the limit.
  const bytes = new TextEncoder().encode(JSON.stringify({ submissions: [envelope] })).length;
  if (bytes > MAX_BODY_BYTES) throw new SubmissionTooLargeError(type, bytes, MAX_BODY_BYTES);

  await withStorage('outbox.put', (db) => db.outbox.add(queuedItem(envelope, now.getTime())));
  // Validate → seal → committed, as a User Timing entry: DevTools shows it, and `npm run bench`
  // (tests/bench/enqueue.ts) reads it. One small entry per submission; only successful ones.
  performance.measure('outbox.enqueue', { start: started });
  // A kiosk page runs for weeks: keep the timeline bounded, above the 1,000 the bench reads.
  if (performance.getEntriesByName('outbox.enqueue').length > MAX_ENQUEUE_MEASURES) performance.clearMeasures('outbox.enqueue');
  emitOutbox('queued', { id });
  return { id, reference: payload.reference, createdAt: payload.createdAt, type };
}
