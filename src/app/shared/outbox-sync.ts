import { readDeviceStatus } from '#outbox/device-status.ts';
import { requestServiceWorkerSync } from '#outbox/sw-message.ts';

/** While the kiosk is open, ask for a sync this often; the worker finds nothing to do cheaply. */
const PERIOD_MS = 30_000;

/**
 * Keeps the outbox moving from the moment the kiosk starts (at start, when online, when visible
 * and on a timer, as the outbox's scheduler does) without loading the outbox into the start
 * screen: the service worker runs the sync. Where no worker controls the page, the page's own scheduler (with Dexie)
 * is loaded instead. Resolves to whether this device is enrolled.
 */
export async function startSyncTriggers(): Promise<boolean> {
  const { enrolled } = await readDeviceStatus();
  if (!enrolled) return false;
  const kick = async () => {
    if ((await requestServiceWorkerSync(undefined, PERIOD_MS)) !== undefined) return;
    const { startOutboxSync } = await import('#outbox/scheduler.ts');
    startOutboxSync().syncNow();
  };
  void kick();
  addEventListener('online', () => void kick());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void kick();
  });
  setInterval(() => void kick(), PERIOD_MS);
  return true;
}
