import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit, SYSTEM_ACTOR } from '../audit/audit-store.ts';
import * as accounts from './staff-accounts.ts';
import * as secondFactors from './second-factors.ts';
import { renewStaffCredential, saveStaffCredential, staffCredentialByHash } from './staff-credentials.ts';
import type { StaffRole, StaffStore, StaffUser } from './staff-types.ts';

export function staffStore(db: Kysely<Database>): StaffStore {
  const createUser = (user: StaffUser, actor = SYSTEM_ACTOR) =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({ id: user.id, username: user.username, password_hash: user.passwordHash, role: user.role, created_at: user.createdAt })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await insertAudit(trx, { at: user.createdAt, actor, action: 'create_user', target: user.username, detail: { role: user.role } });
      return true;
    });

  const userByUsername = async (username: string): Promise<StaffUser | undefined> => {
    const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r && {
      id: r.id,
      username: r.username,
      role: r.role as StaffRole,
      passwordHash: r.password_hash,
      createdAt: r.created_at,
      ...(r.disabled_at ? { disabledAt: r.disabled_at } : {}),
      ...(Number(r.must_change_password) === 1 ? { mustChangePassword: true } : {}),
      ...(r.display_name ? { displayName: r.display_name } : {}),
    };
  };

  return {
    createUser,
    userByUsername,

    async listUsers() {
      const rows = await db.selectFrom('users').select(['username', 'role', 'created_at', 'disabled_at', 'disabled_by', 'display_name']).orderBy('username').execute();
      return rows.map((r) => ({
        username: r.username,
        role: r.role as StaffRole,
        createdAt: r.created_at,
        disabledAt: r.disabled_at,
        disabledBy: r.disabled_by,
        displayName: r.display_name,
        sso: r.username.startsWith('sso-'),
      }));
    },

    async displayNames() {
      const rows = await db.selectFrom('users').select(['username', 'display_name']).where('display_name', 'is not', null).orderBy('username').execute();
      return rows.map((r) => ({ username: r.username, displayName: r.display_name! }));
    },

    async upsertSsoUser(user) {
      await createUser(user, 'system:sso');
      await db.updateTable('users').set({ role: user.role }).where('username', '=', user.username).where('role', '<>', user.role).execute();
      await db.updateTable('users').set({ display_name: user.displayName ?? null }).where('username', '=', user.username).execute();
      return (await userByUsername(user.username))!;
    },

    disableUser: (username, at, actor) => accounts.disableUser(db, username, at, actor),
    setPassword: (userId, hash, mustChange, at, actor, action) => accounts.setPassword(db, userId, hash, mustChange, at, actor, action),
    reactivateUser: (username, at, actor) => accounts.reactivateUser(db, username, at, actor),
    setUserRole: (username, role, at, actor) => accounts.setUserRole(db, username, role, at, actor),

    createSession: (tokenHash, userId, createdAt, expiresAt, audit, via) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt, via: via ?? null }).execute();
        if (audit) await insertAudit(trx, audit);
      }),

    async sessionByTokenHash(tokenHash, now) {
      const r = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('staff_second_factors', 'staff_second_factors.user_id', 'users.id')
        .select(['users.id as userId', 'users.username', 'users.role', 'users.must_change_password', 'sessions.expires_at', 'sessions.created_at', 'sessions.via', 'staff_second_factors.confirmed_at'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return r && {
        userId: r.userId,
        username: r.username,
        role: r.role as StaffRole,
        expiresAt: r.expires_at,
        createdAt: r.created_at,
        mustChangePassword: Number(r.must_change_password) === 1,
        secondFactor: !!r.confirmed_at,
        ...(r.via === 'oidc' ? { via: 'oidc' as const } : {}),
      };
    },

    async extendSession(tokenHash, expiresAt) {
      await db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).where('expires_at', '<', expiresAt).execute();
    },

    deleteSession: (tokenHash, audit) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
        if (audit) await insertAudit(trx, audit);
      }),

    async deleteExpiredSessions(now) {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },

    async endSessionsOfUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    secondFactor: (userId) => secondFactors.secondFactor(db, userId),
    startSecondFactor: (userId, sealedSecret) => secondFactors.startSecondFactor(db, userId, sealedSecret),
    confirmSecondFactor: (userId, step, hashes, at, actor, detail) => secondFactors.confirmSecondFactor(db, userId, step, hashes, at, actor, detail),
    useTotpStep: (userId, step) => secondFactors.useTotpStep(db, userId, step),
    useRecoveryCode: (userId, hash, at, actor) => secondFactors.useRecoveryCode(db, userId, hash, at, actor),

    saveStaffCredential: (credential) => saveStaffCredential(db, credential),
    staffCredentialByHash: (tokenHash) => staffCredentialByHash(db, tokenHash),
    renewStaffCredential: (presentedHash, next, actor) => renewStaffCredential(db, presentedHash, next, actor),
  };
}
