import { MISSING_KEY_MARK, type Translate } from '#app/shared/i18n.ts';
import type { HelpCall } from '#contract/counter.ts';
import { handleHelpCall, listHelpCalls, STAFF_EVENTS_URL } from './api/counter.ts';

/** What the live link asks the server: the open calls, answering one, and the event stream. */
export interface CounterLiveApi {
  listHelpCalls: typeof listHelpCalls;
  handleHelpCall: typeof handleHelpCall;
  /** Opens the server's event stream (an EventSource in the browser). */
  events: () => Pick<EventSource, 'addEventListener' | 'close'>;
  /** Says a new call has come; a beep in the browser. */
  alert?: () => void;
}

/** The clock the ages are shown by moves this often. */
const CLOCK_MS = 15_000;

/** "for 3 minutter siden" / "3 minutes ago": whole minutes, or hours past an hour; under a minute `justNow`. */
export function ageText(calledAt: string, now: number, language: 'da' | 'en', justNow: string): string {
  const format = new Intl.RelativeTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { numeric: 'always' });
  const minutes = Math.max(0, Math.floor((now - Date.parse(calledAt)) / 60_000));
  if (minutes === 0) return justNow;
  return minutes < 60 ? format.format(-minutes, 'minute') : format.format(-Math.floor(minutes / 60), 'hour');
}

/** The kiosk screen a call came from as staff know it: "startskærmen", or the service's own title. */
export function screenLabel(route: string, t: Translate): string {
  if (route === '/') return t('staff:counter.screens.start');
  const service = /^\/service\/([a-z][a-z0-9-]*)$/.exec(route);
  const title = service ? t(`services:${service[1]}.title`) : undefined;
  return title && !title.startsWith(MISSING_KEY_MARK) ? title : route;
}

/** A short two-tone beep made in the browser (no sound file); silent where audio is not allowed. */
function beep(): void {
  try {
    const audio = new AudioContext();
    const gain = audio.createGain();
    gain.gain.value = 0.2;
    gain.connect(audio.destination);
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.18);
      tone.stop(audio.currentTime + i * 0.18 + 0.15);
    });
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No audio here: the banner still shows.
  }
}

/**
 * The back office's live link to the kiosks: open help calls, kept current by the server's event
 * stream, a beep for each new one, and a counter that screens watch to reload the queue.
 */
export class CounterLive {
  helpCalls = $state<HelpCall[]>([]);
  now = $state(Date.now());
  /** Goes up whenever the queue changed on the server ("Venter nu" reloads). */
  queueVersion = $state(0);
  connected = $state(false);
  private source: ReturnType<CounterLiveApi['events']> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  readonly #api: CounterLiveApi;

  constructor(api: CounterLiveApi) {
    this.#api = api;
  }

  connect(): void {
    if (this.source) return;
    const source = this.#api.events();
    this.source = source;
    // On every (re)connection the list is read afresh: calls made while the stream was down show too.
    source.addEventListener('ready', () => {
      this.connected = true;
      void this.reload();
    });
    source.addEventListener('help-call', (event) => {
      const call = JSON.parse((event as MessageEvent<string>).data) as HelpCall;
      if (!this.helpCalls.some((c) => c.id === call.id)) {
        this.helpCalls = [...this.helpCalls, call].sort((a, b) => a.calledAt.localeCompare(b.calledAt));
        (this.#api.alert ?? beep)();
      }
      this.queueVersion++;
    });
    source.addEventListener('help-call-handled', (event) => {
      const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
      this.helpCalls = this.helpCalls.filter((c) => c.id !== id);
      this.queueVersion++;
    });
    source.addEventListener('queue-changed', () => this.queueVersion++);
    source.addEventListener('error', () => (this.connected = false));
    this.clock = setInterval(() => (this.now = Date.now()), CLOCK_MS);
  }

  async reload(): Promise<void> {
    try {
      const { helpCalls, now } = await this.#api.listHelpCalls();
      this.helpCalls = helpCalls;
      this.now = Math.max(Date.now(), Date.parse(now));
    } catch {
      // The next event or reconnection tries again.
    }
  }

  /** "Jeg kommer": the call leaves every screen; one someone else answered first leaves as well. */
  async handle(id: string): Promise<void> {
    await this.#api.handleHelpCall(id).catch(() => undefined);
    this.helpCalls = this.helpCalls.filter((c) => c.id !== id);
    this.queueVersion++;
  }

  reset(): void {
    this.source?.close();
    this.source = undefined;
    clearInterval(this.clock);
    this.clock = undefined;
    this.helpCalls = [];
    this.connected = false;
  }
}

export const counterLive = new CounterLive({ listHelpCalls, handleHelpCall, events: () => new EventSource(STAFF_EVENTS_URL) });
