import { applyWaitingUpdate } from '#app/shared/sw-update.ts';

/** How often the tablet asks the server whether there is a new version (it may stay open for days). */
export const UPDATE_CHECK_MS = 30 * 60_000;

/**
 * Knows when a new version of the app has installed and waits. On the tablet it is applied only
 * when staff press Install, never by itself: a home visit must not reload under them.
 */
export class UpdateWatch {
  ready = $state(false);
  installing = $state(false);

  /** `apply` activates the waiting version and reloads into it (the shared service-worker helper). */
  constructor(private readonly apply: () => Promise<void> = () => applyWaitingUpdate()) {}

  /** Starts watching the registration; returns the function that stops it. */
  start(container: ServiceWorkerContainer | undefined = navigator.serviceWorker): () => void {
    if (!container) return () => {};
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    void container.getRegistration().then((registration) => {
      if (!registration || stopped) return;
      const check = () => {
        if (registration.waiting && container.controller) this.ready = true;
      };
      check();
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') check();
        });
      });
      timer = setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    });
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  /** Applies the waiting version: the page reloads into it (and the tablet locks, its drafts saved). */
  async install(): Promise<void> {
    this.installing = true;
    await this.apply();
  }

  reset(): void {
    this.ready = false;
    this.installing = false;
  }
}
