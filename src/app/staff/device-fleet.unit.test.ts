import { describe, expect, it } from 'vitest';
import { formatBytes } from './device-fleet.ts';

describe('formatBytes', () => {
  it('writes megabytes and gigabytes as Danish and English readers expect', () => {
    expect(formatBytes(2_000_000, 'da')).toBe('2 MB');
    expect(formatBytes(1_500_000_000, 'da')).toBe('1,5 GB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
  });
});
