import { matchRoute, type Route } from '#app/shared/router.svelte.ts';
import type { KioskSession } from '#app/shared/session.svelte.ts';
import { IdleTimer } from './idle.svelte.ts';

/** A new version waits this long after the start screen is back, until the browser has stopped fetching for it. */
export const UPDATE_SETTLE_MS = 1000;

/** What the kiosk shell does outside itself; KioskApp passes the real ones, tests pass fakes. */
export interface KioskShellIO {
  /** Where the kiosk is: the path and how to change it (the history-API router). */
  router: { readonly path: string; go(path: string, options?: { replace?: boolean }): void };
  /** Loads the texts beyond the start screen's (once). */
  loadTexts: () => Promise<void>;
  /** Starts the outbox's sync triggers; resolves with whether this device may queue requests. */
  startSync: () => Promise<boolean>;
  /** Applies a waiting new version of the kiosk if `quiet()` still holds then. */
  applyUpdate: (quiet: () => boolean) => Promise<void>;
  /** Stops speech and switches read-aloud off. */
  stopSpeech: () => void;
  /** Forgets what the page holds of the last screen: focus, scroll position, resource timings. */
  clearScreen: () => void;
  later: (run: () => void, ms: number) => void;
}

/**
 * The kiosk around its screens: which screen is shown, whether its texts are there, whether the
 * device is enrolled, and the end of a citizen's session, by Finish or by the idle timer. The
 * idle timer (idle.svelte.ts) runs only while something of a citizen's may be on screen.
 */
export class KioskShell {
  readonly route: Route;
  /** True once the texts beyond the start screen's are loaded. */
  allTexts = $state(false);
  /** Whether this device may queue requests; undefined until known. */
  enrolled = $state<boolean | undefined>();
  readonly idle: IdleTimer;
  /**
   * True while something of a citizen's may be on screen or in memory: any screen but the start
   * screen and /setup (staff's screen without citizen data, where staff reading the outbox are not
   * thrown out after two minutes), or a start screen after a language or print-size choice.
   */
  readonly citizenPresent: boolean;

  readonly #session: KioskSession;
  readonly #io: KioskShellIO;

  constructor(settings: () => { idleSeconds: number; warningSeconds: number }, session: KioskSession, io: KioskShellIO) {
    this.#session = session;
    this.#io = io;
    this.route = $derived(matchRoute(io.router.path));
    this.citizenPresent = $derived((this.route.name !== 'start' && this.route.name !== 'setup') || !session.pristine);
    this.idle = new IdleTimer(settings, () => this.reset());
  }

  /** The kiosk is up: the outbox's sync starts and says whether the device is enrolled. */
  async start(): Promise<void> {
    this.enrolled = await this.#io.startSync();
  }

  /** Away from the start screen every text is needed; the session's `t` is renewed when they arrive. */
  async loadTexts(): Promise<void> {
    if (this.route.name === 'start' || this.allTexts) return;
    await this.#io.loadTexts();
    this.allTexts = true;
    this.#session.textsLoaded();
  }

  /** Arms the idle timer while a citizen may be present, and stops it otherwise. */
  watchIdle(): void {
    if (this.citizenPresent) this.idle.arm();
    else this.idle.disarm();
  }

  /** Ends the citizen's session: nothing of it stays on screen, in memory or in storage. */
  reset(): void {
    this.idle.disarm();
    // Speech stops at once and is switched off: the next citizen starts with a silent kiosk.
    this.#io.stopSpeech();
    this.#session.reset();
    this.#io.router.go('/', { replace: true });
    this.#io.clearScreen();
    // A new version of the kiosk is applied here, between two citizens, and never in front of one;
    // a moment after the start screen is back, when the browser has stopped fetching for it (the
    // favicon it re-requests at every screen change), which lets the swap happen at once.
    this.#io.later(() => void this.#io.applyUpdate(() => this.route.name === 'start' && this.#session.pristine), UPDATE_SETTLE_MS);
  }
}

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
