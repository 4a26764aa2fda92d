import { describe, expect, it } from 'vitest';
import { isAdminRoute, matchStaffRoute, staffPaths } from './staff-routes.ts';

describe('matchStaffRoute', () => {
  it('knows every back-office path, with or without a trailing slash', () => {
    const id = '0b9d6f5e-1c2a-4d3b-8e7f-123456789abc';
    expect(matchStaffRoute('/staff')).toEqual({ name: 'inbox' });
    expect(matchStaffRoute('/staff/')).toEqual({ name: 'inbox' });
    expect(matchStaffRoute(staffPaths.submission(id))).toEqual({ name: 'submission', id });
    expect(matchStaffRoute('/staff/admin/users')).toEqual({ name: 'admin-users' });
    expect(matchStaffRoute('/staff/admin/devices')).toEqual({ name: 'admin-devices' });
    expect(matchStaffRoute('/staff/admin/enrolment-codes')).toEqual({ name: 'admin-enrolment-codes' });
    expect(matchStaffRoute('/staff/admin/audit')).toEqual({ name: 'admin-audit' });
    expect(matchStaffRoute('/staff/bookings/')).toEqual({ name: 'bookings' });
    expect(isAdminRoute({ name: 'bookings' })).toBe(false);
  });

  it('answers not-found for anything else, including ids that are not UUIDs', () => {
    expect(matchStaffRoute('/staff/submissions/../../x')).toEqual({ name: 'not-found' });
    expect(matchStaffRoute('/staff/nowhere')).toEqual({ name: 'not-found' });
  });

  it('marks the admin screens', () => {
    expect(isAdminRoute({ name: 'admin-devices' })).toBe(true);
    expect(isAdminRoute({ name: 'inbox' })).toBe(false);
  });
});
