import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import type { StaffSession, StaffUser, Store } from '../store/store.ts';
import { STAFF_BACKGROUND_HEADER } from '#contract/staff.ts';

/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie, stored only as its hash.
 * SameSite=Strict keeps other sites from riding on the session, and http/same-origin.ts refuses
 * state-changing requests from other origins (a sibling *.kommune.dk host is same-site); HttpOnly
 * keeps script from reading it. Sessions end after a working day at the latest.
 *
 * The cookie is `__Host-staff_session` and Secure: the browser sends it only over https (or to
 * localhost, which browsers treat as secure), never to a subdomain, and no other host can plant
 * one. `COOKIE_SECURE=false` is for development over plain http on another address: the cookie is
 * then `staff_session` without Secure (the prefix requires it).
 */
export const SESSION_HOURS = 8;
/** Default idle end: a back office left open at an empty desk closes itself (STAFF_IDLE_MINUTES). */
export const IDLE_MINUTES = 15;
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

export interface CookiePolicy {
  secure: boolean;
  /** STAFF_IDLE_MINUTES: a session ends this long after its last request (default 15). */
  idleMinutes?: number;
  /** STAFF_SESSION_HOURS: and this long after sign-in however active it is (default 8). */
  sessionHours?: number;
  /** The clock sessions are measured by (tests move it instead of waiting). */
  now?: () => number;
  /** ADMIN_SECOND_FACTOR: `optional` lets local admins work without TOTP (test installations only). */
  adminSecondFactor?: 'required' | 'optional';
}

const idleMs = (p: CookiePolicy) => (p.idleMinutes ?? IDLE_MINUTES) * 60_000;
const lifetimeMs = (p: CookiePolicy) => (p.sessionHours ?? SESSION_HOURS) * 3600_000;
const clock = (p: CookiePolicy) => new Date((p.now ?? Date.now)());

/** The idle end after activity at `now`, never past the absolute end. */
export function sessionEnd(createdAt: Date, now: Date, policy: CookiePolicy): Date {
  return new Date(Math.min(now.getTime() + idleMs(policy), createdAt.getTime() + lifetimeMs(policy)));
}

export const SECURE_COOKIES: CookiePolicy = { secure: true };

export const sessionCookieName = (policy: CookiePolicy) => (policy.secure ? '__Host-staff_session' : 'staff_session');

/** The session's absolute end: STAFF_SESSION_HOURS after sign-in, however active it is. */
export function absoluteEnd(createdAt: Date, policy: CookiePolicy): Date {
  return new Date(createdAt.getTime() + lifetimeMs(policy));
}

/** What the back office needs to warn before the session ends: both deadlines and the idle span. */
export function sessionDeadlines(session: Pick<StaffSession, 'expiresAt' | 'createdAt'>, policy: CookiePolicy) {
  const created = new Date(session.createdAt ?? session.expiresAt);
  return { expiresAt: session.expiresAt, absoluteExpiresAt: absoluteEnd(created, policy).toISOString(), idleSeconds: Math.round(idleMs(policy) / 1000) };
}

/**
 * A local admin without a confirmed second factor may only enrol one (and see their session, and
 * sign out): admins can create device codes and accounts, so a password alone is not enough. A
 * session opened through the organisation's login is exempt: the provider asks for its own factor.
 */
export const needsSecondFactor = (session: Pick<StaffSession, 'role' | 'via' | 'secondFactor'>, policy: CookiePolicy) =>
  policy.adminSecondFactor !== 'optional' && session.role === 'admin' && session.via !== 'oidc' && !session.secondFactor;

export async function startSession(c: Context<AppEnv>, store: Store, user: StaffUser, policy: CookiePolicy = SECURE_COOKIES, loginDetail: Record<string, unknown> = {}): Promise<{ expiresAt: string; absoluteExpiresAt: string; idleSeconds: number }> {
  const now = clock(policy);
  const expiresAt = sessionEnd(now, now, policy).toISOString();
  const token = randomToken();
  await store.deleteExpiredSessions(now.toISOString());
  await store.createSession(
    sha256(token),
    user.id,
    now.toISOString(),
    expiresAt,
    {
      at: now.toISOString(),
      actor: user.username,
      action: 'login',
      target: null,
      detail: { role: user.role, ...loginDetail, ...(c.var.clientIp ? { ip: c.var.clientIp } : {}) },
    },
    loginDetail.via === 'oidc' ? 'oidc' : undefined,
  );
  setCookie(c, sessionCookieName(policy), token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: policy.secure,
    // The cookie lives as long as the session could; the server decides when it has ended.
    maxAge: Math.round(lifetimeMs(policy) / 1000),
  });
  return sessionDeadlines({ expiresAt, createdAt: now.toISOString() }, policy);
}

/** Ends the request's session, if any; a live session's end is audited as its owner's logout. */
export async function endSession(c: Context, store: Store, policy: CookiePolicy = SECURE_COOKIES): Promise<void> {
  const token = getCookie(c, sessionCookieName(policy));
  if (token && TOKEN.test(token)) {
    const now = clock(policy).toISOString();
    const session = await store.sessionByTokenHash(sha256(token), now);
    const audit = session && { at: now, actor: session.username, action: 'logout' as const, target: null, detail: {} };
    await store.deleteSession(sha256(token), audit);
  }
  deleteCookie(c, sessionCookieName(policy), { path: '/', httpOnly: true, sameSite: 'Strict', secure: policy.secure });
}

/** Staff endpoints accept only the session cookie; a device's Bearer token means nothing here. */
export function staffAuth(store: Store, policy: CookiePolicy = SECURE_COOKIES): MiddlewareHandler<AppEnv> {
  const name = sessionCookieName(policy);
  return async (c, next) => {
    const token = getCookie(c, name);
    const now = clock(policy);
    const session = token && TOKEN.test(token) ? await store.sessionByTokenHash(sha256(token), now.toISOString()) : undefined;
    if (!session) return apiError(c, 401, 'not_logged_in', 'Log in at POST /api/v1/staff/login first; the session may have expired.');
    // A request is activity: the idle end moves on (written only when it moves by a minute or more,
    // so a busy screen does not write on every call). What a screen left open does by itself (the
    // event stream and its reconnections, the reads its events set off) is not: else a back office
    // at an empty desk would stay signed in for as long as the kiosks are busy.
    const end = sessionEnd(new Date(session.createdAt ?? now.toISOString()), now, policy);
    if (!isBackground(c) && end.getTime() - Date.parse(session.expiresAt) >= 60_000) {
      await store.extendSession(sha256(token!), end.toISOString());
      session.expiresAt = end.toISOString();
    }
    // After an admin's reset the temporary password is good for choosing a new one, nothing else.
    if (session.mustChangePassword && !MAY_BEFORE_PASSWORD_CHANGE.has(c.req.path.replace(/^.*\/api\/v1\/staff/, ''))) {
      return apiError(c, 403, 'password_change_required', 'Choose a new password first: POST /api/v1/staff/password.');
    }
    if (needsSecondFactor(session, policy) && !MAY_BEFORE_SECOND_FACTOR.has(c.req.path.replace(/^.*\/api\/v1\/staff/, ''))) {
      return apiError(c, 403, 'second_factor_required', 'Admins need a second factor: enrol one at POST /api/v1/staff/totp/enrol and /totp/confirm first.');
    }
    c.set('staff', session);
    await next();
  };
}

const isBackground = (c: Context): boolean => c.req.header(STAFF_BACKGROUND_HEADER) !== undefined || c.req.path.endsWith('/api/v1/staff/events');

const MAY_BEFORE_PASSWORD_CHANGE = new Set(['/session', '/password']);
const MAY_BEFORE_SECOND_FACTOR = new Set(['/session', '/totp/enrol', '/totp/confirm']);

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.staff?.role !== 'admin') return apiError(c, 403, 'admin_only', 'Only an admin may do this.');
    await next();
  };
}
