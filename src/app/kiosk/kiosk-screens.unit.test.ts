import { describe, expect, it } from 'vitest';
import { idleTimerRuns, pageTitleKey } from './kiosk-screens.ts';

describe('pageTitleKey', () => {
  it('names each screen', () => {
    expect(pageTitleKey({ name: 'start' })).toBe('start:title');
    expect(pageTitleKey({ name: 'service', id: 'complaint' })).toBe('services:complaint.title');
    expect(pageTitleKey({ name: 'setup' })).toBe('setup:title');
    expect(pageTitleKey({ name: 'accessibility' })).toBe('speech:statement.link');
    expect(pageTitleKey({ name: 'not-found' })).toBe('common:notFound.title');
  });
});

describe('idleTimerRuns', () => {
  it('runs on a citizen screen, and on the start screen after a choice', () => {
    expect(idleTimerRuns({ name: 'service', id: 'complaint' }, true)).toBe(true);
    expect(idleTimerRuns({ name: 'start' }, false)).toBe(true);
  });

  it('does not run on a fresh start screen, nor on staff\'s /setup', () => {
    expect(idleTimerRuns({ name: 'start' }, true)).toBe(false);
    expect(idleTimerRuns({ name: 'setup' }, true)).toBe(false);
  });
});
