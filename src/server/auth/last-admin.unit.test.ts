import { describe, expect, it } from 'vitest';
import { removesLastAdmin } from './last-admin.ts';

describe('never the last admin', () => {
  it('refuses to take away the only active admin', () => {
    expect(removesLastAdmin('admin', 1)).toBe(true);
  });

  it('refuses when the count says no admin is left at all (a race already took the others)', () => {
    expect(removesLastAdmin('admin', 0)).toBe(true);
  });

  it('lets an admin go while another active admin remains', () => {
    expect(removesLastAdmin('admin', 2)).toBe(false);
  });

  it('never concerns caseworkers, however few admins there are', () => {
    expect(removesLastAdmin('caseworker', 1)).toBe(false);
    expect(removesLastAdmin('caseworker', 0)).toBe(false);
  });
});
