// Read-aloud while it is on: speaks each screen's heading and lead, then what gains focus as a screen
// reader would announce it, and what appears in alert and live regions (error summary, idle warning).
// Loaded only when read-aloud is switched on (src/speech/read-aloud.svelte.ts).
import { announce, clean } from './accessible-name.ts';
import { Speaker, type Rate } from './engine/speaker.ts';
import type { SpeechLanguage } from './language.ts';
import { joinSentences, sentences, speakable, spellReference } from './normalise.ts';

function language(): SpeechLanguage {
  return document.documentElement.lang === 'en' ? 'en' : 'da';
}

// The reader's words (roles, states, the spoken hint), locales/*/speech-reader.json, are not on the
// start screen: loaded with the reader, and looked up here without i18next so that its code stays
// in the start screen's chunks alone.
const readerTexts = import.meta.glob<Record<string, unknown>>('/locales/*/speech-reader.json', { import: 'default' });
const texts: Partial<Record<SpeechLanguage, Record<string, unknown>>> = {};

function words(key: string, values: Record<string, unknown> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts[language()]);
  return typeof found === 'string' ? found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')) : '';
}

function text(el: Element | null | undefined): string {
  return el ? clean((el as HTMLElement).innerText ?? el.textContent ?? '') : '';
}

/** The screen as a whole: its heading and lead; on a receipt, all of it (reference, what happens next, whom to call). */
function screenText(main: Element): string {
  const h1 = main.querySelector('h1');
  const panel = main.querySelector('.receipt-panel');
  if (panel) {
    const after = [...main.querySelectorAll('h2, p')].filter((el) => !panel.contains(el) && (panel.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
    return joinSentences([text(h1), text(panel), ...after.map(text), words('receiptSpellHint')]);
  }
  const lead = main.querySelector('h1 ~ p.font-lead, h1 + p');
  return joinSentences([text(h1), text(lead)]);
}

// Regions whose changes are said; a status region (the receipt) is read with its screen instead.
/** A dialog that interrupts (the idle warning): its title and text, the countdown, and the focused button. */
function dialogText(dialog: Element): string {
  const parts = [...dialog.querySelectorAll('.modal-title, .modal-body p:not(.sr-only)')].map(text);
  const focused = document.activeElement;
  if (focused && dialog.contains(focused)) parts.push(announce(focused, words));
  return joinSentences(parts);
}

/**
 * On check-your-answers, moving to a row's Change button is how a citizen asks for that answer: the
 * question and the answer are said before the button. Answers are never said anywhere else unasked.
 */
function answerRow(el: Element): string {
  const row = el.closest('.answers-row');
  if (!row) return '';
  return joinSentences([text(row.querySelector('dt')), ...[...row.querySelectorAll('dd:not(.answers-action)')].map(text)]);
}

const LIVE = '[role="alert"], [aria-live="assertive"], [aria-live="polite"]';

export async function createRuntime(state: ReaderState) {
  await Promise.all(Object.entries(readerTexts).map(async ([path, load]) => {
    texts[path.split('/')[2] as SpeechLanguage] = await load();
  }));
  return runtimeWithTexts(state);
}

/** What the runtime reads of read-aloud's state, and whom it tells that a sentence was heard. */
interface ReaderState {
  on: boolean;
  rate: Rate;
  heard(): void;
}

function runtimeWithTexts(state: ReaderState) {
  const speaker = new Speaker(() => state.heard());
  let last: string[] = [];
  let lastSaid = { text: '', at: 0 };

  function say(raw: string): void {
    const lang = language();
    const spoken = sentences(speakable(raw, lang));
    if (spoken.length === 0) return;
    // The same text twice in a row within a moment (an alert that also takes focus) is said once.
    const joined = spoken.join(' ');
    if (joined === lastSaid.text && performance.now() - lastSaid.at < 1500) return;
    lastSaid = { text: joined, at: performance.now() };
    last = spoken;
    void speaker.say(spoken, lang, state.rate).catch(() => undefined);
  }

  function onFocus(event: FocusEvent): void {
    const el = event.target as Element;
    const main = document.getElementById('main');
    const dialog = el.closest('[role="alertdialog"]');
    if (el.tagName === 'H1' && main?.contains(el)) say(screenText(main));
    else if (el.matches('[role="alert"]')) say(text(el));
    else if (dialog && !dialog.hasAttribute('data-spoken')) {
      // The first focus in a dialog says the dialog; later moves say only what gains focus.
      dialog.setAttribute('data-spoken', '');
      say(dialogText(dialog));
    } else say(joinSentences([answerRow(el), announce(el, words)]));
  }

  // What appears in an alert (said at once) or changes in a live region (said when it changes).
  const observer = new MutationObserver((mutations) => {
    const regions = new Set<Element>();
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node instanceof Element && node.matches('[role="alert"]')) regions.add(node);
      }
      const target = m.target instanceof Element ? m.target : m.target.parentElement;
      if (target?.closest('[aria-live]')?.getAttribute('aria-live') === 'off') continue;
      const region = target?.closest(LIVE);
      if (region && !m.addedNodes[0]?.isSameNode(region)) regions.add(region);
    }
    for (const region of regions) {
      say(text(region));
    }
  });

  // A change of language says the screen again, in the new language and voice.
  const languageWatch = new MutationObserver(() => {
    const main = document.getElementById('main');
    if (main) say(screenText(main));
  });

  function onKey(event: KeyboardEvent): void {
    if (event.key === 'F3') { event.preventDefault(); runtime.repeat(); }
    if (event.key === 'F4') { event.preventDefault(); runtime.stop(); }
  }

  const runtime = {
    start(): void {
      speaker.unlock();
      document.addEventListener('focusin', onFocus);
      document.addEventListener('keydown', onKey);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      languageWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
      const main = document.getElementById('main');
      const focused = document.activeElement;
      const where = focused && focused !== document.body && !(focused.tagName === 'H1') ? announce(focused, words) : '';
      say(joinSentences([words('hint'), main ? screenText(main) : '', where]));
    },
    stop(): void {
      speaker.stop();
    },
    repeat(): void {
      const sentence = last.at(-1);
      if (sentence) void speaker.say([sentence], language(), state.rate).catch(() => undefined);
    },
    spellReference(): void {
      const reference = text(document.querySelector('.receipt-reference'));
      if (reference) say(`${words('referenceIs')} ${spellReference(reference, language())}`);
    },
    say,
    detach(): void {
      speaker.stop();
      last = [];
      lastSaid = { text: '', at: 0 };
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('keydown', onKey);
      observer.disconnect();
      languageWatch.disconnect();
    },
  };
  return runtime;
}
