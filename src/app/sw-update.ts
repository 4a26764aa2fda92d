import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version waits: it is applied only at a reset, between two
 * citizens (DESIGN.md), never in front of one.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void new Workbox('/sw.js', { scope: '/' }).register();
}

/**
 * Activates a waiting version, if there is one, and reloads into it. Call only when no citizen is
 * present. Asks the registration itself rather than remembering an event, so that a version that
 * finished installing a moment ago is not missed.
 */
export async function applyWaitingUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting || !navigator.serviceWorker.controller) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  // The waiting worker always receives this and calls skipWaiting(), but Chromium sometimes holds
  // the activation while the active worker has work in flight (tests/e2e/offline.browser.test.ts):
  // ask again each second until it has taken over; otherwise the next reset tries again.
  for (let attempt = 0; attempt < 10 && registration.waiting; attempt++) {
    registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
