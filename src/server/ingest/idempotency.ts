/**
 * Duplicate versus conflict: how an arriving envelope relates to what is already stored. A device
 * sends again whatever it has no acknowledgement for, so the same envelope may arrive many times;
 * only identical bytes under the same id are that resend (`duplicate`, answered like the first
 * arrival). Anything else that shares the id, or the reference from the same device, is a
 * `conflict`. A reference clashes only with the same device's envelopes: no device can turn
 * another's request into a conflict by sending first under a reference read off a receipt.
 */
export interface EnvelopeKeys {
  id: string;
  reference: string;
  contentHash: string;
  deviceId: string;
}

export type ExistingOutcome = 'duplicate' | 'conflict';

/** The outcome among the stored envelopes `stored` (any superset of the related ones); undefined when none is related. */
export function outcomeAmong(stored: readonly EnvelopeKeys[], { id, reference, contentHash, deviceId }: EnvelopeKeys): ExistingOutcome | undefined {
  const related = stored.filter((r) => r.id === id || (r.reference === reference && r.deviceId === deviceId));
  if (related.length === 0) return undefined;
  const sameId = related.find((r) => r.id === id);
  // Identical bytes under the same id: the device resent what we hold (its ack was lost).
  return sameId && sameId.contentHash === contentHash ? 'duplicate' : 'conflict';
}
