import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/errors.ts';

/**
 * 409 sso_account: the account signs in through the organisation's login (isSsoUsername in
 * staff-users.ts) and has no password here, so a password login, change or reset is refused.
 */
export const ssoAccount = (c: Context<AppEnv>) =>
  apiError(c, 409, 'sso_account', "This account signs in through the organisation's login. It has no password here: the identity provider manages it.");
