import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { auditActions } from '#contract/staff.ts';
import type { Database } from '../schema.ts';

export { auditActions };
export type AuditAction = (typeof auditActions)[number];

/**
 * One line of the append-only audit log: who (a username, `device:<id>` or `system:<job>`), when,
 * what, and on what. `detail` never holds personal data (no answers, names, CPR numbers or notes).
 */
export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Who did something when no staff member did: the start-up admin, the CLI. */
export const SYSTEM_ACTOR = 'system';

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

/** A thing an audit entry names, as the log shows it; never personal data (references, device names, code labels). */
export interface AuditSubject {
  kind: 'submission' | 'device' | 'enrolment_code';
  label: string;
}

export interface AuditFilter {
  target?: string;
  actor?: string;
  action?: AuditAction;
  /** Bounds on `at` (ISO text): from inclusive, before exclusive. */
  from?: string;
  before?: string;
  limit?: number;
  /** Entries to skip, newest first: paging through the log. */
  offset?: number;
}

export interface AuditStore {
  /** Appends one entry; for actions that change nothing else (reads, logins, exports). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<StoredAuditEntry[]>;
  /** How many entries match the filter (its limit and offset ignored): the audit screen's total. */
  countAudit(filter: AuditFilter): Promise<number>;
  /**
   * What the ids an audit entry names are, for people reading the log: a submission's reference, a
   * device's name, an enrolment code's label. Ids that name nothing stored (any more) are left out.
   */
  auditSubjects(ids: readonly string[]): Promise<Record<string, AuditSubject>>;
  /**
   * Deletes up to `limit` audit entries written before `cutoff` and audits that it did (count and
   * cutoff), in one transaction; the database refuses entries younger than its floor. Answers how many.
   */
  deleteAuditEntriesBefore(cutoff: string, at: string, limit: number): Promise<number>;
}

/** Every audit entry goes through here, inside the transaction of the change it records. */
export async function insertAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: entry.at, actor: entry.actor, action: entry.action, target: entry.target, detail: JSON.stringify(entry.detail) })
    .execute();
}

export function auditStore(db: Kysely<Database>): AuditStore {
  const filtered = (filter: AuditFilter) => {
    let query = db.selectFrom('audit_log');
    if (filter.target) query = query.where('target', '=', filter.target);
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.before) query = query.where('at', '<', filter.before);
    return query;
  };

  return {
    appendAudit: (entry) => insertAudit(db, entry),

    async countAudit(filter) {
      const row = await filtered(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listAudit(filter) {
      let query = filtered(filter).selectAll().orderBy('at', 'desc').orderBy('id').limit(filter.limit ?? 500);
      if (filter.offset) query = query.offset(filter.offset);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action as AuditAction,
        target: r.target,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },

    async auditSubjects(ids) {
      const subjects: Record<string, AuditSubject> = {};
      // A page of the log names at most a few hundred ids; chunks keep each IN list small.
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 200) {
        const chunk = unique.slice(i, i + 200);
        const [submissions, devices, codes] = await Promise.all([
          db.selectFrom('submissions').select(['id', 'reference']).where('id', 'in', chunk).execute(),
          db.selectFrom('devices').select(['id', 'name']).where('id', 'in', chunk).execute(),
          db.selectFrom('enrolment_codes').select(['id', 'label']).where('id', 'in', chunk).execute(),
        ]);
        for (const r of submissions) subjects[r.id] = { kind: 'submission', label: r.reference };
        for (const r of devices) subjects[r.id] = { kind: 'device', label: r.name };
        for (const r of codes) if (r.id) subjects[r.id] = { kind: 'enrolment_code', label: r.label };
      }
      return subjects;
    },

    deleteAuditEntriesBefore: (cutoff, at, limit) =>
      db.transaction().execute(async (trx) => {
        const old = await trx.selectFrom('audit_log').select('id').where('at', '<', cutoff).orderBy('at').limit(limit).execute();
        if (old.length === 0) return 0;
        const deleted = await trx.deleteFrom('audit_log').where('id', 'in', old.map((r) => r.id)).returning('id').execute();
        if (deleted.length > 0) {
          await insertAudit(trx, { at, actor: 'system:retention', action: 'retention_delete_audit', target: null, detail: { before: cutoff, count: deleted.length } });
        }
        return deleted.length;
      }),
  };
}
