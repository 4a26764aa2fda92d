import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Store, StoredServerKey } from '../store/store.ts';
import { openPrivateKey, sealPrivateKey } from './key-wrap.ts';

/**
 * Staff free text at rest (caseworkers' notes on a transition, which may name the citizen or hold a
 * CPR number): AES-256-GCM under a data key that is itself sealed under the KEK and kept in the
 * key list beside the server's key pairs (algorithm `A256GCM`, no public half). The submission id is
 * additional data, so a note cannot be moved to another case unnoticed. Stored as
 * `note1.<kid>.<iv>.<ciphertext+tag>`.
 */
export const NOTE_KEY_ALGORITHM = 'A256GCM';
const FORMAT = 'note1';
const TAG_BYTES = 16;

export function isSealedNote(text: string): boolean {
  return text.startsWith(`${FORMAT}.`);
}

export function generateNoteKey(kek: Buffer): StoredServerKey {
  const kid = `note-${randomUUID()}`;
  const jwk: JsonWebKey = { kty: 'oct', k: randomBytes(32).toString('base64url'), alg: 'A256GCM' };
  return { kid, algorithm: NOTE_KEY_ALGORITHM, publicJwk: {}, sealedPrivateKey: sealPrivateKey(kek, kid, jwk), createdAt: new Date().toISOString() };
}

export function openNoteKey(kek: Buffer, key: Pick<StoredServerKey, 'kid' | 'sealedPrivateKey'>): Buffer {
  return Buffer.from(openPrivateKey(kek, key.kid, key.sealedPrivateKey).k ?? '', 'base64url');
}

const aad = (kid: string, submissionId: string) => Buffer.from(JSON.stringify([kid, submissionId]), 'utf8');

export function sealNote(key: Buffer, kid: string, note: string, submissionId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(kid, submissionId));
  const body = Buffer.concat([cipher.update(note, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${kid}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export interface NoteCipher {
  seal(note: string, submissionId: string): string;
  /** Throws when the note was tampered with or moved to another case. */
  open(stored: string, submissionId: string): Promise<string>;
}

/** The current note key (created on first use; several processes racing keep the first). */
export async function loadNoteCipher(store: Store, kek: Buffer): Promise<NoteCipher> {
  const current = (await store.activeServerKey(NOTE_KEY_ALGORITHM)) ?? (await store.addServerKeyIfNoneActive(generateNoteKey(kek)));
  const keys = new Map<string, Buffer>([[current.kid, openNoteKey(kek, current)]]);
  const keyFor = async (kid: string) => {
    const cached = keys.get(kid);
    if (cached) return cached;
    const stored = await store.serverKey(kid);
    if (!stored || stored.algorithm !== NOTE_KEY_ALGORITHM) throw new Error(`note key ${kid} is not stored`);
    const key = openNoteKey(kek, stored);
    keys.set(kid, key);
    return key;
  };
  return {
    seal: (note, submissionId) => sealNote(keys.get(current.kid)!, current.kid, note, submissionId),
    async open(stored, submissionId) {
      // Written before notes were sealed and not migrated: cannot happen after migration 007.
      if (!isSealedNote(stored)) return stored;
      const [, kid, iv, body] = stored.split('.');
      const bytes = Buffer.from(body ?? '', 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', await keyFor(kid ?? ''), Buffer.from(iv ?? '', 'base64url'));
      decipher.setAAD(aad(kid ?? '', submissionId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The store as routes see it, with notes sealed on the way in and opened on the way out: no
 * route handles a note's ciphertext, and no route can forget to encrypt one.
 */
export function withSealedNotes(store: Store, notes: NoteCipher): Store {
  const sealed: Pick<Store, 'transitionSubmission' | 'history' | 'addNote'> = {
    addNote: (id, event) => store.addNote(id, { ...event, note: notes.seal(event.note, id) }),
    transitionSubmission: (id, to, allowedFrom, event) =>
      store.transitionSubmission(id, to, allowedFrom, { ...event, note: event.note === null ? null : notes.seal(event.note, id) }),
    history: async (id) =>
      Promise.all((await store.history(id)).map(async (e) => ({ ...e, note: e.note === null ? null : await notes.open(e.note, id) }))),
  };
  // Every other function is the store's own.
  return { ...store, ...sealed };
}
