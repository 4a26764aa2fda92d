import { randomUUID } from 'node:crypto';
import { staffUsernamePattern } from '#contract/staff.ts';
import type { Log } from '../log.ts';
import type { StaffRole, Store } from '../store/store.ts';
import type { SecondFactors } from './second-factor.ts';
import { passwordProblem, WeakPasswordError } from './password-strength.ts';
import { hashPassword } from './passwords.ts';

const USERNAME = staffUsernamePattern;

/** Usernames are case-insensitive: "Anne" and "anne" are one person at the counter. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

/**
 * Creates a staff user, audited as done by `actor` (an admin's username; `system` for start-up and
 * the CLI); 'exists' (and nothing written) when the username is taken. Throws on a bad name or password.
 */
export async function createStaffUser(store: Store, username: string, password: string, role: StaffRole, actor = 'system'): Promise<'created' | 'exists'> {
  const name = normalizeUsername(username);
  if (!USERNAME.test(name)) {
    throw new Error(`Username ${JSON.stringify(username)} must be 2-64 characters: letters, digits, and . _ @ - (not first).`);
  }
  // Names beginning sso- belong to accounts made at sign-in through the organisation's login.
  if (isSsoUsername(name)) throw new Error(`Username ${JSON.stringify(username)} must not begin with "sso-".`);
  const problem = passwordProblem(password, name);
  if (problem) throw new WeakPasswordError(problem, name);
  const created = await store.createUser({
    id: randomUUID(),
    username: name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  }, actor);
  return created ? 'created' : 'exists';
}

/**
 * The first admin from ADMIN_USERNAME/ADMIN_PASSWORD. An existing user is left as it is, even if the
 * password differs: a forgotten environment variable must not silently reset someone's password.
 */
export async function ensureFirstAdmin(store: Store, username: string | undefined, password: string | undefined, log: Log, totpSecret?: string, secondFactors?: SecondFactors): Promise<void> {
  if (!username && !password) return;
  if (!username || !password) {
    log('warn', 'admin_not_created', { reason: 'set both ADMIN_USERNAME and ADMIN_PASSWORD, or use `npx tsx src/server/cli.ts create-admin`' });
    return;
  }
  const outcome = await createStaffUser(store, username, password, 'admin');
  log('info', outcome === 'created' ? 'admin_created' : 'admin_exists', {
    username: normalizeUsername(username),
    ...(outcome === 'exists' ? { note: 'existing user kept; ADMIN_PASSWORD not applied' } : {}),
  });
  const user = totpSecret && secondFactors ? await store.userByUsername(normalizeUsername(username)) : undefined;
  if (user && totpSecret && secondFactors) {
    const factor = await secondFactors.provision(user, totpSecret);
    log('info', factor === 'provisioned' ? 'admin_second_factor_provisioned' : 'admin_second_factor_kept', { username: user.username });
  }
}

/**
 * Whether a (normalised) username is an account made at sign-in through the organisation's login
 * (oidc-roles.ts names them; a local name can never begin so). Such an account has no local
 * password: it is never given one (reset), never changes one, and never logs in with one; its
 * provider and that provider's second factor are the only way in.
 */
export function isSsoUsername(username: string): boolean {
  return username.startsWith('sso-');
}
