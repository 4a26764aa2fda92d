import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, RETRY_AFTER_MAX_MS, backoffDelay, parseRetryAfter } from './backoff.ts';

const top = () => 0.999_999;
const bottom = () => 0;

describe('backoffDelay', () => {
  it('doubles the ceiling with each failed attempt, from the base', () => {
    expect(backoffDelay(1, { random: top })).toBe(BACKOFF_BASE_MS - 1);
    expect(backoffDelay(2, { random: top })).toBe(2 * BACKOFF_BASE_MS - 1);
    expect(backoffDelay(5, { random: top })).toBe(16 * BACKOFF_BASE_MS - 1);
  });

  it('jitters over the whole range from zero to the ceiling', () => {
    expect(backoffDelay(4, { random: bottom })).toBe(0);
    expect(backoffDelay(4, { random: () => 0.5 })).toBe(4 * BACKOFF_BASE_MS);
    for (let i = 0; i < 500; i++) {
      const delay = backoffDelay(3);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4 * BACKOFF_BASE_MS);
    }
  });

  it('is capped, however many attempts failed', () => {
    expect(backoffDelay(9, { random: top })).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(9, { random: top })).toBeGreaterThan(BACKOFF_CAP_MS - 10);
    expect(backoffDelay(50, { random: top, baseMs: 100, capMs: 1000 })).toBe(999);
  });

  it('never gives up: a finite delay after ten thousand failures', () => {
    for (const attempts of [100, 1024, 10_000, Number.MAX_SAFE_INTEGER]) {
      const delay = backoffDelay(attempts, { random: top });
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });

  it('waits at least as long as Retry-After asks, even past the cap', () => {
    expect(backoffDelay(1, { random: bottom, retryAfterMs: 30_000 })).toBe(30_000);
    expect(backoffDelay(1, { random: top, retryAfterMs: 1_000 })).toBe(BACKOFF_BASE_MS - 1);
    expect(backoffDelay(1, { random: bottom, retryAfterMs: 20 * 60_000 })).toBe(20 * 60_000);
  });

  it('does not take a Retry-After of days at its word (a wrong clock is likelier)', () => {
    expect(backoffDelay(1, { random: bottom, retryAfterMs: 3 * 24 * 3600_000 })).toBe(RETRY_AFTER_MAX_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
