import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { StorageKind } from '../storage-kind.ts';
import { caseworkWrites } from './casework-writes.ts';
import { ingestWrites } from './ingest-writes.ts';
import { retentionDeletes } from './retention-deletes.ts';
import { submissionReads } from './submission-reads.ts';
import type { SubmissionStore } from './submission-types.ts';

/** Submissions with their history: arrival, the back office's reads and changes, retention's deletions. */
export function submissionStore(db: Kysely<Database>, kind: StorageKind): SubmissionStore {
  return { ...ingestWrites(db, kind), ...submissionReads(db), ...caseworkWrites(db), ...retentionDeletes(db, kind) };
}
