// Number words as Danes and English speakers say them, for the read-aloud normaliser. Only what the
// kiosk reads in pieces (pairs of a phone number, days of the month, clock times); longer numbers go
// to the voice as digits, which reads them in its own language.
import type { SpeechLanguage } from './language.ts';

const DA_UNITS = ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten'];
// Danish tens are counted in scores: halvtreds is "half the third score" (2.5 × 20).
const DA_TENS = ['', '', 'tyve', 'tredive', 'fyrre', 'halvtreds', 'tres', 'halvfjerds', 'firs', 'halvfems'];
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–99 in words: "toogtredive" (units before tens, one word), "thirty-two". */
export function numberWords(n: number, lang: SpeechLanguage): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`numberWords: ${n} is not 0–99`);
  const [units, tens] = lang === 'da' ? [DA_UNITS, DA_TENS] : [EN_UNITS, EN_TENS];
  if (n < 20) return units[n];
  const unit = n % 10;
  const ten = tens[Math.floor(n / 10)];
  if (unit === 0) return ten;
  return lang === 'da' ? `${unit === 1 ? 'en' : units[unit]}og${ten}` : `${ten}-${units[unit]}`;
}

/** A two-digit group as read from a phone number: "01" is "nul et" / "oh one", "00" "nul nul" / "double oh". */
export function pairWords(pair: string, lang: SpeechLanguage): string {
  if (pair[0] !== '0') return numberWords(Number(pair), lang);
  if (lang === 'da') return `nul ${pair[1] === '1' ? 'et' : numberWords(Number(pair[1]), 'da')}`;
  return pair === '00' ? 'double oh' : `oh ${numberWords(Number(pair[1]), 'en')}`;
}

const DA_ORDINALS = ['', 'første', 'anden', 'tredje', 'fjerde', 'femte', 'sjette', 'syvende', 'ottende', 'niende', 'tiende', 'ellevte', 'tolvte', 'trettende', 'fjortende', 'femtende', 'sekstende', 'syttende', 'attende', 'nittende', 'tyvende'];
const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** A day of the month, 1–31, as an ordinal: "niende", "enogtyvende", "twenty-first". */
export function ordinalWords(n: number, lang: SpeechLanguage): string {
  if (!Number.isInteger(n) || n < 1 || n > 31) throw new RangeError(`ordinalWords: ${n} is not 1–31`);
  if (lang === 'da') {
    if (n <= 20) return DA_ORDINALS[n];
    if (n === 30) return 'tredivte';
    const unit = n % 10;
    return `${unit === 1 ? 'en' : DA_UNITS[unit]}og${n < 30 ? 'tyvende' : 'tredivte'}`;
  }
  if (n <= 20) return EN_ORDINALS[n];
  if (n === 30) return 'thirtieth';
  return `${EN_TENS[Math.floor(n / 10)]}-${EN_ORDINALS[n % 10]}`;
}
