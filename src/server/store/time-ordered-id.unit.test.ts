import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.ts';

describe('timeOrderedId', () => {
  it('is a version 7 UUID with the RFC 9562 variant and the time in its first 48 bits', () => {
    const at = Date.UTC(2026, 11, 5, 10, 30);
    const id = timeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts as text in the order of time, a millisecond apart or years', () => {
    const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2030, 5, 1), Date.UTC(2089, 0, 1)];
    const ids = times.map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs in the same millisecond: 74 random bits', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(1_800_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
