import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.svelte.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'start' }],
    ['/service/complaint', { name: 'service', id: 'complaint' }],
    ['/setup', { name: 'setup' }],
    ['/service/Complaint', { name: 'not-found' }],
    ['/service/complaint/extra', { name: 'not-found' }],
    ['/anything', { name: 'not-found' }],
  ])('%s', (path, route) => expect(matchRoute(path)).toEqual(route));
});
