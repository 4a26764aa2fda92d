import { describe, expect, it } from 'vitest';
import { codeState } from './enrolment-code-state.ts';

const code = { revokedAt: null, expiresAt: '2026-11-24T10:00:00.000Z', maxUses: null, uses: 0 };

describe('codeState', () => {
  it('is active before it expires, however often an unlimited code was used', () => {
    expect(codeState({ ...code, uses: 40 }, '2026-11-24T09:59:59.999Z')).toBe('active');
  });
  it('is expired from its expiry on', () => {
    expect(codeState(code, '2026-11-24T10:00:00.000Z')).toBe('expired');
  });
  it('is used up when a limited code reached its limit', () => {
    expect(codeState({ ...code, maxUses: 2, uses: 1 }, '2026-11-24T09:00:00.000Z')).toBe('active');
    expect(codeState({ ...code, maxUses: 2, uses: 2 }, '2026-11-24T09:00:00.000Z')).toBe('usedUp');
  });
  it('says revoked before anything else', () => {
    expect(codeState({ ...code, maxUses: 1, uses: 1, revokedAt: '2026-11-23T00:00:00.000Z' }, '2026-11-25T00:00:00.000Z')).toBe('revoked');
  });
});
