/**
 * The tablet's screens by path, under /tablet. Paths hold no citizen data: a home visit is named
 * by its draft's random id, an assisted service by the kiosk's service id.
 */
export type TabletRoute =
  | { name: 'home' }
  | { name: 'visit'; draftId: string }
  | { name: 'service'; id: string }
  | { name: 'outbox' }
  | { name: 'change-pin' }
  | { name: 'sign-out' }
  | { name: 'not-found' };

export const tabletPaths = {
  home: '/tablet',
  visit: (draftId: string) => `/tablet/visit/${draftId}`,
  service: (id: string) => `/tablet/service/${id}`,
  outbox: '/tablet/outbox',
  changePin: '/tablet/pin',
  signOut: '/tablet/sign-out',
} as const;

export function matchTabletRoute(path: string): TabletRoute {
  if (path === '/tablet' || path === '/tablet/') return { name: 'home' };
  if (path === '/tablet/outbox') return { name: 'outbox' };
  if (path === '/tablet/pin') return { name: 'change-pin' };
  if (path === '/tablet/sign-out') return { name: 'sign-out' };
  const visit = /^\/tablet\/visit\/([0-9a-f-]{36})$/.exec(path);
  if (visit) return { name: 'visit', draftId: visit[1]! };
  const service = /^\/tablet\/service\/([a-z][a-z0-9-]*)$/.exec(path);
  if (service) return { name: 'service', id: service[1]! };
  return { name: 'not-found' };
}
