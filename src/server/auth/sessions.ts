import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import type { StaffUser, Store } from '../store/store.ts';

/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie, stored only as its hash.
 * SameSite=Strict keeps other sites from riding on the session (no CSRF token needed); HttpOnly
 * keeps script from reading it. Sessions end after a working day at the latest.
 */
export const SESSION_COOKIE = 'staff_session';
export const SESSION_HOURS = 8;
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

/** Secure when the client reached us over https, directly or through a TLS-terminating proxy. */
const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';

export async function startSession(c: Context, store: Store, user: StaffUser): Promise<{ expiresAt: string }> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const token = randomToken();
  await store.deleteExpiredSessions(now.toISOString());
  await store.createSession(sha256(token), user.id, now.toISOString(), expiresAt, {
    at: now.toISOString(),
    actor: user.username,
    action: 'login',
    target: null,
    detail: { role: user.role },
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: SESSION_HOURS * 3600,
  });
  return { expiresAt };
}

/** Ends the request's session, if any; a live session's end is audited as its owner's logout. */
export async function endSession(c: Context, store: Store): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && TOKEN.test(token)) {
    const now = new Date().toISOString();
    const session = await store.sessionByTokenHash(sha256(token), now);
    const audit = session && { at: now, actor: session.username, action: 'logout' as const, target: null, detail: {} };
    await store.deleteSession(sha256(token), audit);
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

/** Staff endpoints accept only the session cookie; a device's Bearer token means nothing here. */
export function staffAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token && TOKEN.test(token) ? await store.sessionByTokenHash(sha256(token), new Date().toISOString()) : undefined;
    if (!session) return apiError(c, 401, 'not_logged_in', 'Log in at POST /api/v1/staff/login first; the session may have expired.');
    c.set('staff', session);
    await next();
  };
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.staff?.role !== 'admin') return apiError(c, 403, 'admin_only', 'Only an admin may do this.');
    await next();
  };
}
