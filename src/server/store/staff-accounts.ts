import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { StaffRole } from './store.ts';

/** Changes to existing staff accounts: password, reactivation, role. Each is audited in its transaction. */
type Db = Kysely<Database>;

const audit = (trx: Transaction<Database>, at: string, actor: string, action: string, target: string, detail: Record<string, unknown>) =>
  trx.insertInto('audit_log').values({ id: randomUUID(), at, actor, action, target, detail: JSON.stringify(detail) }).execute();

async function activeAdmins(trx: Transaction<Database>): Promise<number> {
  const r = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function setPassword(db: Db, userId: string, hash: string, mustChange: boolean, at: string, actor: string, action: 'change_password' | 'reset_password'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
    if (!user) return false;
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', userId).execute();
    // After a reset whoever held the old password is out everywhere; after a change, the owner's
    // other sessions keep going (the caller ends the rest if it wishes).
    if (mustChange) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(trx, at, actor, action, user.username, {});
    return true;
  });
}

export function reactivateUser(db: Db, username: string, at: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('users').set({ disabled_at: null, disabled_by: null }).where('username', '=', username).where('disabled_at', 'is not', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await audit(trx, at, actor, 'reactivate_user', username, {});
    return true;
  });
}

export function setUserRole(db: Db, username: string, role: StaffRole, at: string, actor: string): Promise<'changed' | 'unchanged' | 'not_found' | 'last_admin'> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
    if (!user) return 'not_found';
    if (user.role === role) return 'unchanged';
    // The same rule as deactivation: nobody may leave the installation without an active admin.
    if (user.role === 'admin' && (await activeAdmins(trx)) <= 1) return 'last_admin';
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
    // Sessions carry the role they were opened with in no cache, but a demoted admin's open
    // screens should not linger: they sign in again.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await audit(trx, at, actor, 'change_role', username, { previous: user.role, role });
    return 'changed';
  });
}
