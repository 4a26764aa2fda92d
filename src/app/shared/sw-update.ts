/**
 * Registers the service worker once the page has loaded (as workbox-window does, without its
 * 2.5 KiB on the start screen: the page listens to none of its events), so that precaching does
 * not compete with the start screen's own requests. A new version waits: it is applied only at a
 * reset, between two citizens, never in front of one.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.error(error));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

/** Set when the new version took over while someone was using the page: reload at the next chance. */
let reloadPending = false;
let watching = false;

/**
 * Activates a waiting version, if there is one, and reloads into it. `quiet` says whether no one is
 * using the page: nothing happens unless it is, and if someone has begun by the time the new
 * version takes over, the reload waits for the next call.
 */
export async function applyWaitingUpdate(quiet: () => boolean = () => true, container: ServiceWorkerContainer | undefined = navigator.serviceWorker): Promise<void> {
  if (!quiet()) return;
  if (reloadPending) return location.reload();
  const registration = await container?.getRegistration();
  const waiting = registration?.waiting;
  const active = container?.controller;
  if (!container || !waiting || !active) return;
  if (!watching) {
    watching = true;
    container.addEventListener('controllerchange', () => (quiet() ? location.reload() : (reloadPending = true)), { once: true });
  }
  // Chromium swaps the old worker out when it reports idle, and asks it to report at once only if
  // it is running when skipWaiting() is called. A kiosk's worker is usually stopped (30 s without a
  // request), and a request that then starts it leaves the swap to that worker's own 30 s idle
  // timeout. Waking it first makes the swap immediate (measured: 20 of 20, against 16 of 20).
  await wake(active);
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** Resolves when the worker has answered a WAKE message, or after 2 s (nothing depends on it). */
function wake(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(done, 2000);
    function done() {
      clearTimeout(timer);
      channel.port1.close();
      resolve();
    }
    channel.port1.onmessage = done;
    worker.postMessage({ type: 'WAKE' }, [channel.port2]);
  });
}
