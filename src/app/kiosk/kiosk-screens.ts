import type { Route } from '#app/shared/router.svelte.ts';

/** The key of the page title for a screen (the municipality's name follows it). */
export function pageTitleKey(route: Route): string {
  switch (route.name) {
    case 'start': return 'start:title';
    case 'service': return `services:${route.id}.title`;
    case 'setup': return 'setup:title';
    case 'accessibility': return 'speech:statement.link';
    default: return 'common:notFound.title';
  }
}

/**
 * Whether the idle timer runs: only while something of a citizen's may be on screen or in memory,
 * that is on any screen but the start screen and /setup (staff's screen without citizen data,
 * where staff reading the outbox are not thrown out after two minutes), or on a start screen
 * after a language or print-size choice.
 */
export const idleTimerRuns = (route: Route, pristine: boolean) => (route.name !== 'start' && route.name !== 'setup') || !pristine;
