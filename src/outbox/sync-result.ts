/**
 * What a sync run reports. Its own module so that the event map, the device report and the
 * service-worker messages can name it without loading the sync engine.
 */

export interface SyncCounts {
  /** Envelopes put in request bodies (one envelope resent in a smaller batch counts again). */
  sent: number;
  stored: number;
  duplicate: number;
  rejected: number;
  /** Items put back in the queue for a later try. */
  retried: number;
}

/**
 * How the run ended. 'done': nothing due is left. 'network-error', 'server-unavailable' and
 * 'unauthorized' stopped the run early with the items queued for later. 'skipped': another
 * context holds the lock. 'not-enrolled': there is no server to send to.
 */
export type SyncOutcome = 'done' | 'skipped' | 'not-enrolled' | 'network-error' | 'server-unavailable' | 'unauthorized';

/** The outcomes that stop a run early, with what it holds put back in the queue. */
export type StopOutcome = Exclude<SyncOutcome, 'done' | 'skipped' | 'not-enrolled'>;

export interface SyncResult extends SyncCounts {
  outcome: SyncOutcome;
  /** With 'unauthorized': whether the device was revoked or its token expired. */
  refusal?: 'revoked' | 'expired';
}

export function noCounts(): SyncCounts {
  return { sent: 0, stored: 0, duplicate: 0, rejected: 0, retried: 0 };
}
