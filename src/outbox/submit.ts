import { MAX_ASSISTED_BY, MAX_BODY_BYTES, type Envelope, type SealedPayload, type ServerKey } from '#contract/v1.ts';
import { requestType, validateRequest } from '#forms/index.ts';
import { withStorage } from './db.ts';
import { readDevice } from './device.ts';
import { prepareSeal, seal } from './envelope.ts';
import { addItem, addItemIfSealedFor, serverKeyId } from './enqueue-write.ts';
import { attachStaffCredential } from './staff-credential.ts';
import { NotEnrolledError, SubmissionInvalidError, SubmissionTooLargeError } from './errors.ts';
import { emitOutbox } from './events.ts';
import { newReference, normalizeReference } from '#domain/reference.ts';
import { queuedItem } from './state.ts';

/** How many enqueue timings to keep before starting over (tests/bench/enqueue.ts reads up to 1,000). */
const MAX_ENQUEUE_MEASURES = 2_000;
/** Measures recorded since the last clear: counted here, since asking the timeline costs a list of them each time. */
let enqueueMeasures = 0;

/**
 * The server key the last submit of this page sealed to: the next one seals to it before reading the
 * device record, and its write checks in the same transaction that the record still holds that key
 * (and seals again to the record's key when not). Public key material only.
 */
let lastServerKey: { key: ServerKey; id: string } | undefined;

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
  const serverKey = await sealAndStore(payload, id, assistedBy, now);

  // Validate → seal → committed, as a User Timing entry: DevTools shows it, and `npm run bench`
  // (tests/bench/enqueue.ts) reads it. One small entry per submission; only successful ones.
  performance.measure('outbox.enqueue', { start: started });
  // A kiosk page runs for weeks: keep the timeline bounded, above the 1,000 the bench reads.
  if (++enqueueMeasures > MAX_ENQUEUE_MEASURES) {
    performance.clearMeasures('outbox.enqueue');
    enqueueMeasures = 0;
  }
  emitOutbox('queued', { id });
  // The citizen has the receipt: now, with nobody waiting, ready the next envelope's key agreement.
  prepareSeal(serverKey);
  return { id, reference: payload.reference, createdAt: payload.createdAt, type };
}

/**
 * Seals the payload, then commits it to the outbox; answers the server key it was sealed to. Without
 * a staff member's credential to attach, the envelope is sealed to the key the last submit used
 * and stored in one transaction that reads the device record too (and stores nothing unless the
 * record still holds that key); otherwise, and whenever the guess does not hold, the device record
 * is read first, as always. Either way the envelope is sealed before anything is stored.
 */
async function sealAndStore(payload: SealedPayload, id: string, assistedBy: string | undefined, now: Date): Promise<ServerKey> {
  const guess = assistedBy === undefined ? lastServerKey : undefined;
  if (guess) {
    const envelope = checkedSize(await seal(payload, { id }, guess.key));
    const outcome = await withStorage('outbox.put', (db) => addItemIfSealedFor(db, queuedItem(envelope, now.getTime()), guess.id));
    if (outcome === 'stored') return guess.key;
    lastServerKey = undefined;
  }
  const device = await readDevice();
  if (!device) throw new NotEnrolledError('outbox.submit');
  const envelope = checkedSize(attachStaffCredential(await seal(payload, { id }, device.serverKey), assistedBy, device, now));
  await withStorage('outbox.put', (db) => addItem(db, queuedItem(envelope, now.getTime())));
  lastServerKey = { key: device.serverKey, id: serverKeyId(device.serverKey) };
  return device.serverKey;
}

/**
 * Refused here rather than queued for ever: the server answers 413 to a body over the limit. A UTF-16
 * unit is at most 3 bytes of UTF-8, so a body that short is counted exactly only when it could be over.
 */
function checkedSize(envelope: Envelope): Envelope {
  const json = JSON.stringify({ submissions: [envelope] });
  if (json.length * 3 <= MAX_BODY_BYTES) return envelope;
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > MAX_BODY_BYTES) throw new SubmissionTooLargeError(envelope.type, bytes, MAX_BODY_BYTES);
  return envelope;
}
