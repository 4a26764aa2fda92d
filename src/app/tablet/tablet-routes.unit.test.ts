import { describe, expect, it } from 'vitest';
import { matchTabletRoute, tabletPaths } from './tablet-routes.ts';

describe('matchTabletRoute', () => {
  it('finds home, the outbox, a visit by its draft id and an assisted service', () => {
    const id = '0b6f3c1e-58a4-4f0e-9f43-2a7c3d9e1b20';
    expect(matchTabletRoute('/tablet')).toEqual({ name: 'home' });
    expect(matchTabletRoute('/tablet/')).toEqual({ name: 'home' });
    expect(matchTabletRoute(tabletPaths.outbox)).toEqual({ name: 'outbox' });
    expect(matchTabletRoute(tabletPaths.signOut)).toEqual({ name: 'sign-out' });
    expect(matchTabletRoute(tabletPaths.visit(id))).toEqual({ name: 'visit', draftId: id });
    expect(matchTabletRoute(tabletPaths.service('change-of-address'))).toEqual({ name: 'service', id: 'change-of-address' });
  });

  it('answers not-found for anything else, including a visit id that is not a UUID', () => {
    for (const path of ['/tablet/visit/123', '/tablet/visit/', '/tablet/service/Bad', '/tablet/nope', '/tabletx']) {
      expect(matchTabletRoute(path)).toEqual({ name: 'not-found' });
    }
  });
});
