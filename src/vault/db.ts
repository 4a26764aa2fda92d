import Dexie, { type Table } from 'dexie';
import type { Envelope } from '#contract/v1.ts';
import { StorageError } from '#outbox/errors.ts';
import { migrateToShared } from './migrate-v3.ts';

/**
 * The staff tablet's own IndexedDB database, separate from the outbox's ('borgerservice'): one
 * profile per staff member who signed in on this tablet, each with their own PIN-wrapped drafts
 * key, and each person's drafts as AES-GCM ciphertext under that key. The outbox is touched only
 * through its own functions (src/outbox/manage.ts).
 */

export const STAFF_DB_NAME = 'borgerservice-staff';

export interface StoredProfile {
  username: string;
  role: 'caseworker' | 'admin';
  /** The organisation's name for the person, when their sign-in gave one. Not citizen data. */
  displayName?: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Unlock attempts started and not (yet) known to be right; counted before trying, reset on success. */
  wrongPins: number;
  /** PBKDF2 salt, random per profile. */
  salt: Uint8Array;
  /** PBKDF2 iterations this profile's key was derived with. */
  iterations: number;
  /** The drafts key (AES-256-GCM), wrapped with AES-KW under the PIN-derived key. */
  wrappedKey: Uint8Array;
  /** The secret that renews the person's staff credential, AES-GCM under the drafts key (renewal-secret.ts). */
  renewal?: { iv: Uint8Array; ciphertext: Uint8Array };
}

export interface StoredDraft {
  /** The username of the staff member whose drafts key encrypts it; with `id`, the primary key. */
  owner: string;
  id: string;
  formId: string;
  /** ISO timestamp. */
  updatedAt: string;
  /** Not citizen data: e.g. the form's title key. */
  label?: string;
  /** AES-GCM of { formVersion, stepIndex, answers, updatedAt }, with [id, formId] as additional data. */
  iv: Uint8Array;
  ciphertext: Uint8Array;
  /**
   * The same draft sealed for the server as a 'staff-draft' submission, which this tablet cannot
   * open: queued only when the drafts key is wiped. Absent when the tablet is not enrolled.
   */
  sealed?: Envelope;
}

/** Something to tell the server when the tablet is next online (src/contract/device-events.ts). */
export interface StoredDeviceEvent {
  seq?: number;
  /** pin_wipe: five wrong PINs wiped the person's key; sign_out: they logged out of the tablet. */
  kind: 'pin_wipe' | 'sign_out';
  /** ISO timestamp, by the tablet's clock. */
  at: string;
  /** The staff member whose drafts key was wiped, or who logged out. Not citizen data. */
  username: string;
}

export class StaffDatabase extends Dexie {
  declare profiles: Table<StoredProfile, string>;
  declare personalDrafts: Table<StoredDraft, [string, string]>;
  declare events: Table<StoredDeviceEvent, number>;

  constructor(name = STAFF_DB_NAME) {
    super(name);
    this.version(1).stores({ profile: '', drafts: 'id, updatedAt' });
    this.version(2).stores({ profile: '', drafts: 'id, updatedAt', events: '++seq' });
    // Shared tablets: a profile per person, and drafts keyed by their owner too (two people may
    // each have an assisted draft of the same form). A one-person tablet's profile and drafts
    // become that person's (migrate-v3.ts); the old tables go in version 4, once copied.
    this.version(3)
      .stores({ profile: '', drafts: 'id, updatedAt', events: '++seq', profiles: 'username', personalDrafts: '[owner+id], owner, updatedAt' })
      .upgrade((tx) => migrateToShared(tx));
    this.version(4).stores({ profile: null, drafts: null, events: '++seq', profiles: 'username', personalDrafts: '[owner+id], owner, updatedAt' });
  }
}

let instance: StaffDatabase | undefined;

export function staffDb(): StaffDatabase {
  instance ??= new StaffDatabase();
  return instance;
}

/** Closes the connection; the next use opens a new one (for tests: a tablet closed and reopened). */
export function closeStaffDb(): void {
  instance?.close();
  instance = undefined;
}

/** Runs `work` and turns IndexedDB failures into a StorageError named by `operation`; other errors pass. */
export async function withStaffDb<T>(operation: string, work: (db: StaffDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(staffDb());
  } catch (error) {
    if (error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
      // A failed decrypt is a DOMException too (OperationError), but it never reaches here: crypto.ts handles it.
      throw new StorageError(operation, error);
    }
    throw error;
  }
}
