import { createHash } from 'node:crypto';
import type { StaffRole } from '../store/store.ts';
import type { OidcSettings } from './oidc-settings.ts';

/**
 * The staff role the provider's claims grant, asked at every sign-in: admin wins over caseworker;
 * no matching role (or no claim) grants nothing, and the sign-in is refused.
 */
export function roleFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'rolesClaim' | 'adminRole' | 'caseworkerRole'>): StaffRole | undefined {
  const value = claims[settings.rolesClaim];
  const roles = Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  if (roles.includes(settings.adminRole)) return 'admin';
  if (roles.includes(settings.caseworkerRole)) return 'caseworker';
  return undefined;
}

/**
 * The local username of a provider's user: from `sub`, which the provider promises never to reuse
 * or change, scoped by the issuer so that two providers cannot share an account, and prefixed so
 * that it can never be a local account's name (local names cannot start with `sso-`).
 */
export function ssoUsername(issuer: string, subject: string): string {
  return `sso-${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 24)}`;
}
