import type { EnrolmentCodeAnswer as EnrolmentCode } from '#contract/staff.ts';

export type CodeState = 'active' | 'revoked' | 'expired' | 'usedUp';

/** What an admin needs to know of a code at `now` (ISO): revoked wins, then expired, then used up. */
export function codeState(code: Pick<EnrolmentCode, 'revokedAt' | 'expiresAt' | 'maxUses' | 'uses'>, now: string): CodeState {
  if (code.revokedAt) return 'revoked';
  if (code.expiresAt <= now) return 'expired';
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'usedUp';
  return 'active';
}
