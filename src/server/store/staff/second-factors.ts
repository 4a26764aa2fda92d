import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import type { StoredSecondFactor } from './staff-types.ts';

/** The staff_second_factors table (migration 009): one row per account with a TOTP factor. */
type Db = Kysely<Database>;

export async function secondFactor(db: Db, userId: string): Promise<StoredSecondFactor | undefined> {
  const r = await db.selectFrom('staff_second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r && {
    sealedSecret: r.sealed_secret,
    confirmedAt: r.confirmed_at,
    lastStep: r.last_step === null ? null : Number(r.last_step),
    recoveryCodesLeft: (JSON.parse(r.recovery_hashes) as string[]).length,
  };
}

export async function startSecondFactor(db: Db, userId: string, sealedSecret: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('staff_second_factors').select('confirmed_at').where('user_id', '=', userId).executeTakeFirst();
    if (existing?.confirmed_at) return false;
    if (existing) await trx.updateTable('staff_second_factors').set({ sealed_secret: sealedSecret }).where('user_id', '=', userId).where('confirmed_at', 'is', null).execute();
    else await trx.insertInto('staff_second_factors').values({ user_id: userId, sealed_secret: sealedSecret, confirmed_at: null, last_step: null }).execute();
    return true;
  });
}

export async function confirmSecondFactor(db: Db, userId: string, step: number, hashes: string[], at: string, actor: string, detail: Record<string, unknown> = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('staff_second_factors')
      .set({ confirmed_at: at, last_step: step, recovery_hashes: JSON.stringify(hashes) })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    const user = await trx.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirstOrThrow();
    await insertAudit(trx, { at, actor, action: 'enrol_second_factor', target: user.username, detail: { recoveryCodes: hashes.length, ...detail } });
    return true;
  });
}

/** One conditional UPDATE: of two logins racing with the same code, only one gets the row. */
export async function useTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('staff_second_factors')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function useRecoveryCode(db: Db, userId: string, hash: string, at: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('staff_second_factors').select('recovery_hashes').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
    if (!row) return false;
    const hashes = JSON.parse(row.recovery_hashes) as string[];
    if (!hashes.includes(hash)) return false;
    const left = hashes.filter((h) => h !== hash);
    // Compare-and-set on the whole list: a parallel use of the same code changes it first and wins.
    const updated = await trx
      .updateTable('staff_second_factors')
      .set({ recovery_hashes: JSON.stringify(left) })
      .where('user_id', '=', userId)
      .where('recovery_hashes', '=', row.recovery_hashes)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await insertAudit(trx, { at, actor, action: 'use_recovery_code', target: actor, detail: { left: left.length } });
    return true;
  });
}
