import type { StaffAccountAnswer, StaffRole } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** Staff accounts, as admins manage them. */

export const listUsers = () => call<{ users: StaffAccountAnswer[] }>('users.list', '/users');
export const createUser = (username: string, password: string, role: StaffRole) =>
  call<{ username: string; role: StaffRole }>('users.create', '/users', post({ username, password, role }));
export const disableUser = (username: string) => call<void>('users.disable', `/users/${segment(username)}/disable`, post());
