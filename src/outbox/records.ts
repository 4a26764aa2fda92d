import type { Envelope, FieldError, ServerKey } from '#contract/v1.ts';

/**
 * What the device keeps in IndexedDB, and the names both the Dexie database (db.ts) and the
 * Dexie-free status probe (device-status.ts) agree on. No runtime dependency: the kiosk's start
 * screen imports this through device-status.ts and must stay small.
 */

export const DB_NAME = 'borgerservice';
export const OUTBOX_TABLE = 'outbox';
export const DEVICE_TABLE = 'device';
/** The device table holds one row, under this out-of-line key. */
export const DEVICE_KEY = 'self';

/**
 * 'discarded' is a tombstone: a rejected item that staff removed, with their reason (manage.ts).
 * Its envelope is gone; the row stays so that nothing leaves the outbox without a trace.
 */
export type OutboxStatus = 'queued' | 'sending' | 'stored' | 'rejected' | 'discarded';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'stored', 'rejected', 'discarded'];

/** Why the last attempt did not go through; shown to staff in the outbox view. */
export interface OutboxError { code: string; message: string }

/**
 * One submission. Everything but `envelope` is plain metadata for the staff outbox view
 * (the tablet's outbox view); the citizen's answers exist only inside
 * `envelope.ciphertext`, which this device cannot decrypt and which is deleted once stored.
 */
export interface OutboxItem {
  id: string;
  reference: string;
  type: string;
  schemaVersion: number;
  /** ISO timestamp, as in the envelope. */
  createdAt: string;
  status: OutboxStatus;
  /** Failed deliveries so far; drives the backoff. */
  attempts: number;
  /** Epoch milliseconds: not sent again before this. */
  nextAttemptAt: number;
  /** Epoch milliseconds of the last change of status. */
  updatedAt: number;
  lastError?: OutboxError;
  /** What the server said was wrong, when it rejected the item as invalid or conflicting. */
  errors?: FieldError[];
  /** Why the server rejected it ('invalid' | 'conflict'). */
  rejectedAs?: 'invalid' | 'conflict';
  /** The sealed submission; absent once the server acknowledged it or staff discarded it. */
  envelope?: Envelope;
  /** Who discarded a rejected item, when and why (status 'discarded'). */
  discarded?: DiscardNote;
}

export interface DiscardNote {
  reason: string;
  /** The staff member's username. */
  by: string;
  /** ISO timestamp. */
  at: string;
}

/** The metadata of an item, as the staff outbox view may show it. */
export type OutboxSummary = Omit<OutboxItem, 'envelope'>;

export type DeviceKind = 'kiosk' | 'tablet';

/** The enrolment of this device with a sync server. One row, key DEVICE_KEY. */
export interface DeviceRecord {
  deviceId: string;
  token: string;
  serverKey: ServerKey;
  /** '' means the origin the app is served from (the sync server serves the app too). */
  serverUrl: string;
  name: string;
  kind: DeviceKind;
  /** ISO timestamp. */
  enrolledAt: string;
  /** Whether navigator.storage.persist() was granted at enrolment. */
  persisted: boolean;
  /** How the last sync runs went (sync.ts writes it); absent until the first run after enrolment. */
  sync?: SyncStatus;
  /** ISO timestamps: when the token was issued here and when it stops working (token-renewal.ts); absent from older enrolments. */
  tokenIssuedAt?: string;
  tokenExpiresAt?: string;
  /** Tablets before shared use: the staff credential of the last online sign-in (read still, never written). */
  staffCredential?: StaffCredentialRecord;
  /** Tablets: each staff member's credential from their last online sign-in here, by username (staff-credential.ts). */
  staffCredentials?: Record<string, StaffCredentialRecord>;
}

/** A staff credential from the server: bound to this tablet and one account, valid until expiresAt. */
export interface StaffCredentialRecord {
  credential: string;
  username: string;
  /** ISO timestamp. */
  expiresAt: string;
}

/** How the last sync runs went, for a header's "last synced" (readSyncStatus in device.ts). */
export interface SyncStatus {
  /** ISO timestamp: the last run that ended with nothing due left after the server took at least one item. */
  lastSyncAt?: string;
  /** ISO timestamp of the last run that was not skipped. */
  lastRunAt?: string;
  lastOutcome?: 'done' | 'network-error' | 'server-unavailable' | 'unauthorized';
  /** Set when the server last refused this device's token: revoked by an admin, or expired. Cleared by a run that got through. */
  refused?: DeviceRefusal;
}

/** Why the server refuses this device: every screen that sends says so, and the work stays queued. */
export type DeviceRefusal = 'revoked' | 'expired';

