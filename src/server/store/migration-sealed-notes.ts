import type { Kysely, Migration } from 'kysely';
import { KekError } from '../crypto/key-encryption-key.ts';
import { generateNoteKey, isSealedNote, NOTE_KEY_ALGORITHM, openNoteKey, sealNote } from '../crypto/note-cipher.ts';
import type { MigrationContext } from './migration-key-pairs.ts';

/**
 * Migration 007: caseworkers' notes written before notes were sealed are sealed in place
 * (crypto/note-cipher.ts); SQLite then vacuums, so the plain text does not linger in free pages.
 */
export function sealedNotesMigration(context: MigrationContext): Migration {
  return {
    async up(db: Kysely<any>) {
      const rows = (await db.selectFrom('submission_events').select(['id', 'submission_id', 'note']).where('note', 'is not', null).execute())
        .filter((r) => !isSealedNote(r.note as string));
      if (rows.length === 0) return;
      const kek = context.kek;
      if (!kek) throw new KekError('The database holds caseworkers\' notes in plain text from an older version; they are encrypted on the first start with a key-encryption key (KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE)');
      let key = await db.selectFrom('key_pairs').selectAll().where('algorithm', '=', NOTE_KEY_ALGORITHM).where('current', '=', 1).executeTakeFirst();
      if (!key) {
        const made = generateNoteKey(kek);
        await db.insertInto('key_pairs').values({ kid: made.kid, algorithm: made.algorithm, public_jwk: '{}', sealed_private_key: made.sealedPrivateKey, created_at: made.createdAt, current: 1 }).execute();
        key = { kid: made.kid, sealed_private_key: made.sealedPrivateKey };
      }
      const secret = openNoteKey(kek, { kid: key.kid, sealedPrivateKey: key.sealed_private_key });
      for (const r of rows) {
        await db.updateTable('submission_events').set({ note: sealNote(secret, key.kid, r.note as string, r.submission_id) }).where('id', '=', r.id).execute();
      }
      context.removedPlaintext = true;
    },
  };
}
