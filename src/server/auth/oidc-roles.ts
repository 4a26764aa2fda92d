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

/**
 * The person's name as the provider gives it: the `name` claim, or given and family name. Shown
 * instead of the hashed username; control characters are dropped and the length capped, as the
 * text comes from outside. Undefined when the provider sends no name.
 */
export function displayNameFromClaims(claims: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim() : '');
  const name = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return name ? name.slice(0, 120) : undefined;
}
