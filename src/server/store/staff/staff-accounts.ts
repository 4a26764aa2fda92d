import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import { removesLastAdmin } from '../../auth/last-admin.ts';
import type { DisableUserOutcome, PasswordAction, RoleChangeOutcome, StaffRole } from './staff-types.ts';

/** Changes to existing staff accounts: deactivation, password, reactivation, role. Each is audited in its transaction. */
type Db = Kysely<Database>;

async function activeAdmins(trx: Transaction<Database>): Promise<number> {
  const r = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function disableUser(db: Db, username: string, at: string, actor: string): Promise<DisableUserOutcome> {
  return db.transaction().execute(async (trx): Promise<DisableUserOutcome> => {
    const user = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
    if (!user) return 'not_found';
    if (removesLastAdmin(user.role, await activeAdmins(trx))) return 'last_admin';
    const updated = await trx.updateTable('users').set({ disabled_at: at, disabled_by: actor }).where('id', '=', user.id).where('disabled_at', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'not_found';
    // Logged out everywhere at once: a leaver's open browser must not keep reading submissions.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await insertAudit(trx, { at, actor, action: 'disable_user', target: username, detail: { role: user.role } });
    return 'disabled';
  });
}

export function setPassword(db: Db, userId: string, hash: string, mustChange: boolean, at: string, actor: string, action: PasswordAction): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
    if (!user) return false;
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', userId).execute();
    // After a reset whoever held the old password is out everywhere; after a change, the owner's
    // other sessions keep going (the caller ends the rest if it wishes).
    if (mustChange) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await insertAudit(trx, { at, actor, action, target: user.username, detail: {} });
    return true;
  });
}

export function reactivateUser(db: Db, username: string, at: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('users').set({ disabled_at: null, disabled_by: null }).where('username', '=', username).where('disabled_at', 'is not', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await insertAudit(trx, { at, actor, action: 'reactivate_user', target: username, detail: {} });
    return true;
  });
}

export function setUserRole(db: Db, username: string, role: StaffRole, at: string, actor: string): Promise<RoleChangeOutcome> {
  return db.transaction().execute(async (trx): Promise<RoleChangeOutcome> => {
    const user = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
    if (!user) return 'not_found';
    if (user.role === role) return 'unchanged';
    // The same rule as deactivation: demoting the only active admin is refused.
    if (removesLastAdmin(user.role, await activeAdmins(trx))) return 'last_admin';
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
    // Sessions carry the role they were opened with in no cache, but a demoted admin's open
    // screens should not linger: they sign in again.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await insertAudit(trx, { at, actor, action: 'change_role', target: username, detail: { previous: user.role, role } });
    return 'changed';
  });
}
