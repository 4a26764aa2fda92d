import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version waits: it is applied only at a reset, between two
 * citizens (DESIGN.md), never in front of one.
 */
let wb: Workbox | undefined;
let waiting = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => (waiting = true));
  void wb.register();
}

/** True when a new version is installed and waiting for the next reset. */
export function updateWaiting(): boolean {
  return waiting;
}

/** Activates the waiting version and reloads into it. Call only when no citizen is present. */
export function applyUpdate(): void {
  if (!wb || !waiting) return;
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}

/** Asks the service worker to run a job (e.g. the outbox sync) if one controls the page. */
export function postToServiceWorker(message: { type: string }): boolean {
  const controller = navigator.serviceWorker?.controller;
  controller?.postMessage(message);
  return Boolean(controller);
}
