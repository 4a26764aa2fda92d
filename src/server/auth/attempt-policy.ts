import type { DelayPolicy } from '../store/attempt-throttle.ts';
import type { Limits } from '../rate-limit.ts';

/**
 * Progressive delays instead of a lock-out. After a few free failures, each further attempt on the
 * same key must wait twice as long as the last, up to a cap. A lock-out would hand an attacker a
 * switch to keep a caseworker out of their account; a short capped wait on the username still
 * lets its owner in (after at most sharedDelayCapMs), while a guesser's own address is slowed far
 * more (addressDelayCapMs).
 */
export const attemptKeys = {
  loginUser: (username: string) => `login-user:${username}`,
  loginAddress: (ip: string) => `login-ip:${ip}`,
  enrolAddress: (ip: string) => `enrol-ip:${ip}`,
  enrolAll: 'enrol-all',
} as const;

/** 0 for the first `free - 1` failures, then base, 2 × base, 4 × base … up to cap. */
export function progressiveDelay(failures: number, free: number, baseMs: number, capMs: number): number {
  if (failures < free) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(failures - free, 30));
}

export function attemptPolicy(limits: Limits): DelayPolicy {
  const { failureDelayBaseMs: base, sharedDelayCapMs: shared, addressDelayCapMs: address } = limits;
  return (key, failures) => {
    if (key.startsWith('login-user:')) return progressiveDelay(failures, limits.loginFailuresPerUser, base, shared);
    if (key.startsWith('login-ip:')) return progressiveDelay(failures, limits.loginFailuresPerIp, base, address);
    if (key.startsWith('enrol-ip:')) return progressiveDelay(failures, limits.enrollFailuresPerIp, base, address);
    return progressiveDelay(failures, limits.enrollFailuresGlobal, base, shared);
  };
}

/** Whole seconds for Retry-After, at least 1. */
export const retryAfterSeconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
