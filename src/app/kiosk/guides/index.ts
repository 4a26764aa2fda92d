import type { Component } from 'svelte';

/**
 * Services that are guides rather than requests: they explain or check, and queue nothing.
 * Loaded on demand so that the start screen does not pay for them.
 */
export const guides: Record<string, () => Promise<{ default: Component<any> }>> = {
  'what-to-bring': () => import('./WhatToBring.svelte'),
  'living-abroad': () => import('./LivingAbroad.svelte'),
  'nemid-to-mitid': () => import('./NemIdToMitId.svelte'),
};
