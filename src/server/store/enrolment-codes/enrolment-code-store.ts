import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { EnrolmentCodeAnswer } from '#contract/staff.ts';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import type { DeviceKind } from '../devices/device-store.ts';

export interface EnrolmentCode {
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  /** Names the code in lists and URLs; the hash never leaves the store. */
  id?: string;
  /** What the admin made it for ("Kiosks in the hall"); no personal data. */
  label?: string;
  /** Only devices of this kind may use it; undefined for either. */
  kind?: DeviceKind;
  /** How many devices it may enrol; undefined for any number until it expires. */
  maxUses?: number;
}

/** An enrolment code as admins see it in the list: everything but the code and its hash. */
export type EnrolmentCodeInfo = EnrolmentCodeAnswer;

/** Why a code did not enrol a device; `unknown` covers wrong codes (and the environment's code is checked before). */
export type EnrolmentCodeRefusal = 'unknown' | 'expired' | 'revoked' | 'used_up' | 'wrong_kind';
export type EnrolmentCodeClaim = { ok: true; id: string } | { ok: false; reason: EnrolmentCodeRefusal };

export interface EnrolmentCodeStore {
  createEnrolmentCode(code: EnrolmentCode): Promise<void>;
  /** Whether a code with this hash exists and has not expired at `now`. */
  enrolmentCodeValid(codeHash: string, now: string): Promise<boolean>;
  /**
   * Counts one use of the code for a device of `kind`, if it is known, not expired at `now`, not
   * revoked, meant for that kind and not used up; otherwise says why not. The count is a
   * compare-and-set, so two devices racing for a code's last use cannot both get it.
   */
  claimEnrolmentCode(codeHash: string, kind: DeviceKind, now: string): Promise<EnrolmentCodeClaim>;
  /** Newest first; never the code or its hash. */
  listEnrolmentCodes(): Promise<EnrolmentCodeInfo[]>;
  /** Revokes and audits in one transaction; false (nothing audited) when there is no such code or it was revoked already. */
  revokeEnrolmentCode(id: string, at: string, actor: string): Promise<boolean>;
}

const toInfo = (r: Selectable<Database['enrolment_codes']>): EnrolmentCodeInfo => ({
  id: r.id!,
  label: r.label,
  kind: r.kind as DeviceKind | null,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  maxUses: r.max_uses,
  uses: r.uses,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

/** Why a code that could not be claimed was refused, from its row as it is now. */
function refusal(row: Selectable<Database['enrolment_codes']> | undefined, kind: DeviceKind, now: string): EnrolmentCodeRefusal {
  if (!row) return 'unknown';
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  if (row.kind !== null && row.kind !== kind) return 'wrong_kind';
  return 'used_up';
}

export function enrolmentCodeStore(db: Kysely<Database>): EnrolmentCodeStore {
  return {
    createEnrolmentCode: (code) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('enrolment_codes')
          .values({
            code_hash: code.codeHash,
            created_at: code.createdAt,
            expires_at: code.expiresAt,
            created_by: code.createdBy,
            id: code.id ?? randomUUID(),
            label: code.label ?? '',
            kind: code.kind ?? null,
            max_uses: code.maxUses ?? null,
          })
          .execute();
        // The code itself is a credential: the audit names only its id and limits.
        const limits = { expiresAt: code.expiresAt, ...(code.kind ? { kind: code.kind } : {}), ...(code.maxUses ? { maxUses: code.maxUses } : {}) };
        await insertAudit(trx, { at: code.createdAt, actor: code.createdBy, action: 'create_enrolment_code', target: code.id ?? null, detail: limits });
      }),

    async enrolmentCodeValid(codeHash, now) {
      const row = await db
        .selectFrom('enrolment_codes')
        .select('code_hash')
        .where('code_hash', '=', codeHash)
        .where('expires_at', '>', now)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    async claimEnrolmentCode(codeHash, kind, now) {
      const claimed = await db
        .updateTable('enrolment_codes')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('code_hash', '=', codeHash)
        .where('expires_at', '>', now)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('kind', 'is', null), eb('kind', '=', kind)]))
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .returning('id')
        .executeTakeFirst();
      if (claimed) return { ok: true, id: claimed.id! };
      const row = await db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return { ok: false, reason: refusal(row, kind, now) };
    },

    async listEnrolmentCodes() {
      const rows = await db.selectFrom('enrolment_codes').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toInfo);
    },

    revokeEnrolmentCode: (id, at, actor) =>
      db.transaction().execute(async (trx) => {
        const result = await trx.updateTable('enrolment_codes').set({ revoked_at: at, revoked_by: actor }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await insertAudit(trx, { at, actor, action: 'revoke_enrolment_code', target: id, detail: {} });
        return true;
      }),
  };
}
