import type { Kysely } from 'kysely';
import type { Envelope } from '#contract/v1.ts';
import type { Database } from '../schema.ts';
import { insertSearchDigests, sortColumn, whereSearch } from '../../search/search-query.ts';
import { INDEXED_MARKER } from '../../search/search-table.ts';
import { summaryColumns, toSummary } from './submission-rows.ts';
import type { SubmissionReads, SubmissionStatus } from './submission-types.ts';
import { keyMaterialFields } from './key-material.ts';
import { dueOrder, openFirst } from '../migration-due-dates.ts';

export function submissionReads(db: Kysely<Database>): SubmissionReads {
  return {
    async listSubmissions(filter) {
      let query = db.selectFrom('submissions').innerJoin('devices', 'devices.id', 'submissions.device_id');
      if (filter.status) query = query.where('submissions.status', '=', filter.status);
      if (filter.type) query = query.where('submissions.type', '=', filter.type);
      if (filter.createdFrom) query = query.where('submissions.created_at', '>=', filter.createdFrom);
      if (filter.createdBefore) query = query.where('submissions.created_at', '<', filter.createdBefore);
      if (filter.deviceId) query = query.where('submissions.device_id', '=', filter.deviceId);
      if (filter.deviceKind) query = query.where('devices.kind', '=', filter.deviceKind);
      query = whereSearch(query, filter);
      if (filter.assignee !== undefined) query = query.where('submissions.assignee', filter.assignee === null ? 'is' : '=', filter.assignee);
      const counted = await query.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
      const sort = filter.sort ?? { key: 'receivedAt', direction: 'desc' };
      let page = sort.key === 'dueAt'
        ? query.select(summaryColumns).orderBy(openFirst).orderBy(dueOrder, sort.direction).orderBy('submissions.received_at').orderBy('submissions.id')
        : query.select(summaryColumns).orderBy(sortColumn[sort.key], sort.direction).orderBy('submissions.id');
      if (filter.limit !== undefined) page = page.limit(filter.limit);
      if (filter.offset !== undefined) page = page.offset(filter.offset);
      const rows = await page.execute();
      return { submissions: rows.map(toSummary), total: Number(counted.n) };
    },

    async submissionTypes() {
      const rows = await db.selectFrom('submissions').select('type').distinct().orderBy('type').execute();
      return rows.map((r) => r.type);
    },

    async submission(id) {
      const r = await db
        .selectFrom('submissions')
        .innerJoin('devices', 'devices.id', 'submissions.device_id')
        .selectAll('submissions')
        .select(['devices.name as device_name', 'devices.kind as device_kind'])
        .where('submissions.id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      const envelope: Envelope = {
        id: r.id,
        reference: r.reference,
        type: r.type,
        schemaVersion: r.schema_version,
        createdAt: r.created_at,
        kid: r.kid,
        iv: r.iv,
        ...keyMaterialFields(r.wrapped_key),
        ciphertext: r.ciphertext,
      };
      return { ...toSummary(r), envelope, contentHash: r.content_hash };
    },

    async history(id) {
      const rows = await db
        .selectFrom('submission_events')
        .select(['at', 'from_status', 'to_status', 'note', 'actor'])
        .where('submission_id', '=', id)
        .orderBy('at')
        .execute();
      return rows.map((r) => ({
        at: r.at,
        from: r.from_status as SubmissionStatus | null,
        to: r.to_status as SubmissionStatus,
        note: r.note,
        actor: r.actor,
      }));
    },

    async submissionIdByReference(reference) {
      return (await db.selectFrom('submissions').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
    },

    async witnessSightings(id, since) {
      const own = await db.selectFrom('submissions').select(['witness_hash', 'created_at']).where('id', '=', id).executeTakeFirst();
      if (!own?.witness_hash) return undefined;
      const counted = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('witness_hash', '=', own.witness_hash)
        .where('created_at', '>=', since(own.created_at))
        .where('created_at', '<=', own.created_at)
        .executeTakeFirstOrThrow();
      return { seen: Number(counted.n), createdAt: own.created_at };
    },

    async unindexedSubmissionIds(limit) {
      const rows = await db.selectFrom('submissions').select('id')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('submission_search').select('submission_search.submission_id')
          .whereRef('submission_search.submission_id', '=', 'submissions.id').where('submission_search.kind', '=', INDEXED_MARKER))))
        .orderBy('id').limit(limit).execute();
      return rows.map((r) => r.id);
    },

    async addSearchDigests(id, digests) {
      await db.transaction().execute((trx) => insertSearchDigests(trx, id, digests));
    },
  };
}
