import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../app-env.ts';
import type { OidcClient } from '../auth/oidc-client.ts';
import { PendingSignIns } from '../auth/oidc-pending.ts';
import { displayNameFromClaims, roleFromClaims, ssoUsername } from '../auth/oidc-roles.ts';
import { startSession, type CookiePolicy } from '../auth/sessions.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';

export interface StaffSsoDeps {
  store: Store;
  cookie: CookiePolicy;
  /** Unset: sign-in through the organisation's login is off (GET /sso says so). */
  oidc?: OidcClient;
  /** SEPARATE_ADMIN_DUTIES, told to the back office so that it hides the inbox from admins. */
  separateAdminDuties?: boolean;
}

/** Not a password hash: argon2 never matches it, so an account made at sign-in has no local password. */
const NO_LOCAL_PASSWORD = '!sso';
const CALLBACK = '/api/v1/staff/sso/callback';
const AFTER = { staff: '/staff', tablet: '/tablet?sso=1' } as const;

const pendingCookie = (policy: CookiePolicy) => (policy.secure ? '__Host-staff_sso' : 'staff_sso');

/**
 * GET /api/v1/staff/sso (is it on?), /sso/start and /sso/callback: OpenID Connect authorization
 * code flow with PKCE, state and nonce. The role comes from the provider's claim at every sign-in;
 * no role, or a deactivated account, and no session is made.
 */
export function staffSsoRoutes({ store, cookie, oidc, separateAdminDuties = false }: StaffSsoDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pending = new PendingSignIns();

  // Asked by the login screens before anyone is signed in: nothing here is secret.
  app.get('/sso', (c) => c.json({ enabled: !!oidc, separateAdminDuties }));

  app.get('/sso/start', async (c) => {
    if (!oidc) return apiError(c, 404, 'sso_off', 'Sign-in through an identity provider is not configured on this server.');
    const returnTo = c.req.query('return') === 'tablet' ? 'tablet' : 'staff';
    let started;
    try {
      // A tablet is shared: the provider's session in its browser may be the previous colleague's.
      started = await oidc.start(redirectUri(c, oidc), { freshLogin: returnTo === 'tablet' });
    } catch {
      return apiError(c, 503, 'sso_unavailable', 'The identity provider cannot be reached; try again, or use a local account.');
    }
    const id = pending.add({ codeVerifier: started.codeVerifier, state: started.state, nonce: started.nonce, returnTo });
    // Lax, not Strict: the browser comes back from the provider's site, and must bring this along.
    setCookie(c, pendingCookie(cookie), id, { httpOnly: true, sameSite: 'Lax', path: '/', secure: cookie.secure, maxAge: 600 });
    return c.redirect(started.url.href, 302);
  });

  app.get('/sso/callback', async (c) => {
    if (!oidc) return apiError(c, 404, 'sso_off', 'Sign-in through an identity provider is not configured on this server.');
    const id = getCookie(c, pendingCookie(cookie));
    deleteCookie(c, pendingCookie(cookie), { path: '/', httpOnly: true, sameSite: 'Lax', secure: cookie.secure });
    const attempt = id ? pending.take(id) : undefined;
    if (!attempt) return refuse(c, 400, 'sso_no_attempt', 'This sign-in was not started in this browser, or it took too long; start again.');
    const callbackUrl = new URL(redirectUri(c, oidc));
    callbackUrl.search = new URL(c.req.url).search;
    let claims: Record<string, unknown>;
    try {
      claims = await oidc.finish(callbackUrl, attempt);
    } catch (err) {
      await audit(store, c, '(unknown user)', { reason: 'sso_rejected', message: (err as Error).message.slice(0, 200) });
      return refuse(c, 400, 'sso_rejected', 'The answer from the identity provider could not be verified; start again.', AFTER[attempt.returnTo]);
    }
    if (typeof claims.sub !== 'string' || typeof claims.iss !== 'string') return refuse(c, 400, 'sso_rejected', 'The identity provider did not name the user.', AFTER[attempt.returnTo]);
    const username = ssoUsername(claims.iss, claims.sub);
    const role = roleFromClaims(claims, oidc.settings);
    const existing = await store.userByUsername(username);
    if (existing?.disabledAt) {
      await audit(store, c, username, { reason: 'disabled' });
      return refuse(c, 403, 'account_disabled', 'This staff account has been deactivated by an admin.', AFTER[attempt.returnTo]);
    }
    if (!role) {
      // The organisation took the role away: sessions it opened earlier end now too.
      if (existing) await store.endSessionsOfUser(existing.id);
      await audit(store, c, existing ? username : '(unknown user)', { reason: 'no_role' });
      return refuse(c, 403, 'sso_no_role', 'Your organisation has not given you a role in this system; ask your IT department.', AFTER[attempt.returnTo]);
    }
    const displayName = displayNameFromClaims(claims);
    const user = await store.upsertSsoUser({ id: randomUUID(), username, role, passwordHash: NO_LOCAL_PASSWORD, createdAt: new Date().toISOString(), ...(displayName ? { displayName } : {}) });
    if (user.disabledAt) return refuse(c, 403, 'account_disabled', 'This staff account has been deactivated by an admin.');
    await startSession(c, store, user, cookie, { via: 'oidc', ...(existing && existing.role !== role ? { previousRole: existing.role } : {}) });
    return c.redirect(AFTER[attempt.returnTo], 303);
  });

  return app;
}

function redirectUri(c: Context, oidc: OidcClient): string {
  return oidc.settings.redirectUri?.href ?? new URL(CALLBACK, c.req.url).href;
}

async function audit(store: Store, c: Context<AppEnv>, actor: string, detail: Record<string, unknown>): Promise<void> {
  await store.appendAudit({ at: new Date().toISOString(), actor, action: 'login_failed', target: null, detail: { via: 'oidc', ...detail, ...(c.var.clientIp ? { ip: c.var.clientIp } : {}) } });
}

/**
 * A refused sign-in: a person's browser lands here, so a short page in both languages with the way
 * back, and the machine-readable code in a header for scripts and tests.
 */
function refuse(c: Context, status: 400 | 403, code: string, message: string, back: string = AFTER.staff): Response {
  c.header('X-Error-Code', code);
  const page = `<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Log ind lykkedes ikke</title>
<main><h1>Log ind lykkedes ikke</h1><p>${status === 403 ? 'Du har ikke adgang. Kontakt din it-afdeling.' : 'Prøv at logge ind igen.'}</p>
<p lang="en">Sign-in failed: ${message}</p><p><a href="${back === AFTER.tablet ? '/tablet' : '/staff'}">Tilbage til log ind / Back to sign-in</a></p></main></html>`;
  return c.html(page, status);
}
