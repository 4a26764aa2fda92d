import type { Language, Translate } from './i18n.ts';

/**
 * Everything about the citizen at the kiosk now: language, print size and what they have typed.
 * It lives in memory only and is never written to storage: a citizen's answers leave the kiosk
 * only as a request in the encrypted outbox. reset() is the privacy boundary between two citizens.
 */
export class KioskSession {
  language = $state<Language>('da');
  /** Counts the text namespaces loaded after start-up; a new count redraws every text. */
  #texts = $state(0);
  /**
   * How texts are found for a language: i18n.ts's translator, set once at start-up (main.ts). The
   * session does not import i18next itself, so that the start screen's code stays in fewer chunks.
   */
  translator = $state.raw<(language: Language) => Translate>(() => (key) => key);
  /** The kiosk's and the form screens' texts, in the citizen's language. */
  t: Translate = $derived.by(() => {
    void this.#texts;
    return this.translator(this.language);
  });
  largePrint = $state(false);
  /** Answers by flow id; flows keep their inputs here so that a language switch loses nothing. */
  answers = $state<Record<string, Record<string, unknown>>>({});
  /** Changes at every reset; the app remounts every screen under a new generation. */
  generation = $state(0);

  /** True when nothing distinguishes this session from a fresh one. */
  get pristine(): boolean {
    return this.language === 'da' && !this.largePrint && Object.keys(this.answers).length === 0;
  }

  /**
   * True when the citizen has typed or chosen anything in a form: Finish then asks before it
   * deletes it. Opening a form leaves an empty answer set, which is nothing to lose.
   */
  get hasTyped(): boolean {
    return Object.values(this.answers).some((flow) =>
      Object.entries(flow).some(([name, value]) => !chosenForCitizen.get(flow)?.has(name) && hasContent(value)),
    );
  }

  answersFor(flow: string): Record<string, unknown> {
    // Read back after assigning: `??=` would hand out the plain object, not the reactive proxy.
    this.answers[flow] ??= {};
    return this.answers[flow];
  }

  /** More texts arrived (the namespaces beyond the start screen's): `t` is renewed so they show. */
  textsLoaded(): void {
    this.#texts += 1;
  }

  reset(): void {
    this.language = 'da';
    this.largePrint = false;
    this.answers = {};
    this.generation += 1;
  }
}

export const session = new KioskSession();

/** Answers the kiosk filled in itself (the only option offered), per answer set: nothing the citizen would lose. */
const chosenForCitizen = new WeakMap<object, Set<string>>();

/** Records that the kiosk, not the citizen, chose this answer, so that Finish does not ask about it. */
export function markChosenForCitizen(answers: Record<string, unknown>, name: string): void {
  const names = chosenForCitizen.get(answers) ?? new Set<string>();
  names.add(name);
  chosenForCitizen.set(answers, names);
}

/** Whether an answer holds anything a person entered: text, a choice, a ticked box, a list row. */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'boolean' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return false;
}
