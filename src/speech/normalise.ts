// Text as the kiosk shows it, turned into text as a person would say it, before it goes to the voice:
// phone numbers in pairs ("32 89 01 00": "toogtredive, niogfirs, nul et, nul nul"), dates as Danes
// say them ("9.12.2026": "niende december 2026"), clock times ("kl. 14.30": "klokken fjorten tredive"),
// receipt references group by group, and a CPR number never in full. Pure functions: unit-tested.
import type { SpeechLanguage } from './language.ts';
import { numberWords, ordinalWords, pairWords } from './numbers.ts';

const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function dayAndMonth(day: number, month: number, lang: SpeechLanguage): string | undefined {
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const name = MONTHS[lang][month - 1];
  return lang === 'da' ? `${ordinalWords(day, 'da')} ${name}` : `the ${ordinalWords(day, 'en')} of ${name}`;
}

function date(day: string, month: string, year: string, lang: SpeechLanguage, original: string): string {
  const spoken = dayAndMonth(Number(day), Number(month), lang);
  return spoken ? `${spoken} ${year}` : original;
}

/** A CPR number, whole or masked, is read as its date of birth and "four hidden digits", never its last four. */
function cpr(birth: string, lang: SpeechLanguage): string {
  const pairs = [0, 2, 4].map((i) => pairWords(birth.slice(i, i + 2), lang)).join(', ');
  return lang === 'da' ? `${pairs}, og fire skjulte cifre` : `${pairs}, and four hidden digits`;
}

function time(hours: string, minutes: string, lang: SpeechLanguage): string {
  const h = numberWords(Number(hours), lang);
  if (minutes === '00') return lang === 'da' ? `klokken ${h}` : `${h} o'clock`;
  const m = minutes[0] === '0' ? pairWords(minutes, lang) : numberWords(Number(minutes), lang);
  return lang === 'da' ? `klokken ${h} ${m}` : `${h} ${m}`;
}

function symbolWord(symbol: string, lang: SpeechLanguage): string {
  return /\d/.test(symbol) ? numberWords(Number(symbol), lang) : symbol;
}

/** A receipt reference ("K7QM-3XRT-9PWA") group by group, each symbol on its own: "K, syv, Q, M. …" */
export function referenceGroups(reference: string, lang: SpeechLanguage): string {
  return reference.split('-').map((group) => [...group].map((s) => symbolWord(s, lang)).join(', ')).join('. ') + '.';
}

const NATO: Record<string, string> = {
  A: 'Alfa', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', G: 'Golf', H: 'Hotel', I: 'India',
  J: 'Juliett', K: 'Kilo', L: 'Lima', M: 'Mike', N: 'November', O: 'Oscar', P: 'Papa', Q: 'Quebec', R: 'Romeo',
  S: 'Sierra', T: 'Tango', U: 'Uniform', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee', Z: 'Zulu',
};

/** The reference spelt with the NATO alphabet (used in Danish too), digits in the screen's language. */
export function spellReference(reference: string, lang: SpeechLanguage): string {
  const groups = reference.split('-').map((group) => [...group].map((s) => NATO[s] ?? symbolWord(s, lang)).join(', '));
  const word = lang === 'da' ? 'Gruppe' : 'Group';
  return groups.map((g, i) => `${word} ${numberWords(i + 1, lang)}: ${g}.`).join(' ');
}

const DA_MONTH_NAMES = MONTHS.da.join('|');
const EN_MONTH_NAMES = MONTHS.en.join('|');

/** The text with numbers, dates, times, phone numbers, references and CPR numbers in spoken form. */
export function speakable(text: string, lang: SpeechLanguage): string {
  return text
    // CPR first, so that no later rule reads its digits: 010190-1234, 0101901234, 010190-XXXX.
    .replace(/\b(\d{6})-?(?:\d{4}|XXXX)\b/g, (_, birth: string) => cpr(birth, lang))
    .replace(/\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/g, (ref) => referenceGroups(ref, lang))
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y: string, mo: string, d: string) => date(d, mo, y, lang, m))
    .replace(/\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/g, (m, d: string, mo: string, y: string) => date(d, mo, y, lang, m))
    .replace(/\b(\d{1,2})\/(\d{1,2})[-/](\d{4})\b/g, (m, d: string, mo: string, y: string) => date(d, mo, y, lang, m))
    .replace(new RegExp(`\\b(\\d{1,2})\\.\\s+(${DA_MONTH_NAMES})\\b`, 'gi'), (m, d: string, month: string) =>
      lang === 'da' && Number(d) >= 1 && Number(d) <= 31 ? `${ordinalWords(Number(d), 'da')} ${month}` : m)
    .replace(new RegExp(`\\b(\\d{1,2})\\s+(${EN_MONTH_NAMES})\\b`, 'g'), (m, d: string, month: string) =>
      lang === 'en' && Number(d) >= 1 && Number(d) <= 31 ? `the ${ordinalWords(Number(d), 'en')} of ${month}` : m)
    // Phone numbers: eight digits, spaced in pairs or not, with or without +45.
    .replace(/(\+45\s?)?\b(\d{2}) ?(\d{2}) ?(\d{2}) ?(\d{2})\b/g, (_, prefix: string | undefined, ...pairs: string[]) =>
      (prefix ? (lang === 'da' ? 'plus fire fem, ' : 'plus four five, ') : '') + pairs.slice(0, 4).map((p) => pairWords(p, lang)).join(', '))
    // Opening hours: "kl. 10.00–14.30" is "fra klokken ti til klokken fjorten tredive".
    .replace(/\b(?:kl\.\s*)?(\d{1,2}[.:]\d{2})\s*[-–]\s*(\d{1,2}[.:]\d{2})\b/g, (_, from: string, to: string) =>
      lang === 'da' ? `fra ${from} til ${to}` : `from ${from} to ${to}`)
    .replace(/\b(?:kl\.\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)\b/g, (_, h: string, m: string) => time(h, m, lang))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a text into sentences, so that a long text starts to sound at once and "repeat" has a unit. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9„"])/).map((s) => s.trim()).filter(Boolean);
}

/** Parts said one after another, each ended as a sentence: "Læs op er slået til." + "Velkommen" → "Læs op er slået til. Velkommen." */
export function joinSentences(parts: string[]): string {
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => (/[.!?:]$/.test(p) ? p : `${p}.`)).join(' ');
}
