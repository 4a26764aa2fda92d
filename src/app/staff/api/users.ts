import type { StaffAccountAnswer, StaffPeopleAnswer, StaffRole } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** Staff accounts, as admins manage them. */

export const listUsers = () => call<{ users: StaffAccountAnswer[] }>('users.list', '/users');
export const createUser = (username: string, password: string, role: StaffRole) =>
  call<{ username: string; role: StaffRole }>('users.create', '/users', post({ username, password, role }));
export const disableUser = (username: string) => call<void>('users.disable', `/users/${segment(username)}/disable`, post());
/** A temporary password, shown once; its owner must choose a new one at next sign-in. */
export const resetPassword = (username: string) =>
  call<{ username: string; temporaryPassword: string }>('users.resetPassword', `/users/${segment(username)}/reset-password`, post());
export const reactivateUser = (username: string) => call<void>('users.reactivate', `/users/${segment(username)}/reactivate`, post());
export const setUserRole = (username: string, role: StaffRole) => call<{ username: string; role: StaffRole }>('users.role', `/users/${segment(username)}/role`, post({ role }));
/** The names of accounts made at sign-in through the organisation's login (any signed-in staff member). */
export const listPeople = () => call<StaffPeopleAnswer>('people', '/people');
