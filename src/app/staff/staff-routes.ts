/** The back office's screens by path; everything lives under /staff so that deep links and reloads work. */
export type StaffRoute =
  | { name: 'inbox' }
  | { name: 'submission'; id: string }
  | { name: 'admin-users' }
  | { name: 'admin-devices' }
  | { name: 'admin-enrolment-codes' }
  | { name: 'admin-audit' }
  | { name: 'waiting' }
  | { name: 'bookings' }
  | { name: 'account' }
  | { name: 'not-found' };

export const staffPaths = {
  inbox: '/staff',
  submission: (id: string) => `/staff/submissions/${encodeURIComponent(id)}`,
  users: '/staff/admin/users',
  devices: '/staff/admin/devices',
  enrolmentCodes: '/staff/admin/enrolment-codes',
  audit: '/staff/admin/audit',
  waiting: '/staff/waiting',
  bookings: '/staff/bookings',
  account: '/staff/account',
} as const;

export function matchStaffRoute(path: string): StaffRoute {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/staff') return { name: 'inbox' };
  const submission = /^\/staff\/submissions\/([0-9a-fA-F-]{36})$/.exec(p);
  if (submission) return { name: 'submission', id: submission[1]! };
  if (p === staffPaths.users) return { name: 'admin-users' };
  if (p === staffPaths.devices) return { name: 'admin-devices' };
  if (p === staffPaths.enrolmentCodes) return { name: 'admin-enrolment-codes' };
  if (p === staffPaths.audit) return { name: 'admin-audit' };
  if (p === staffPaths.waiting) return { name: 'waiting' };
  if (p === staffPaths.bookings) return { name: 'bookings' };
  if (p === staffPaths.account) return { name: 'account' };
  return { name: 'not-found' };
}

/** Admin screens are hidden from caseworkers; the server refuses their calls anyway. */
export const isAdminRoute = (route: StaffRoute) => route.name.startsWith('admin-');
