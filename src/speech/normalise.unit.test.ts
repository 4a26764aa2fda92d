import { describe, expect, it } from 'vitest';
import { referenceGroups, sentences, speakable, spellReference } from './normalise.ts';
import { numberWords, ordinalWords } from './numbers.ts';

describe('number words', () => {
  it('says Danish numbers units before tens, counted in scores', () => {
    expect([0, 1, 17, 20, 21, 32, 50, 89, 99].map((n) => numberWords(n, 'da'))).toEqual([
      'nul', 'en', 'sytten', 'tyve', 'enogtyve', 'toogtredive', 'halvtreds', 'niogfirs', 'nioghalvfems',
    ]);
  });
  it('says English numbers tens first', () => {
    expect([0, 13, 32, 89].map((n) => numberWords(n, 'en'))).toEqual(['zero', 'thirteen', 'thirty-two', 'eighty-nine']);
  });
  it('says days of the month as ordinals', () => {
    expect([1, 2, 9, 21, 24, 30, 31].map((n) => ordinalWords(n, 'da'))).toEqual([
      'første', 'anden', 'niende', 'enogtyvende', 'fireogtyvende', 'tredivte', 'enogtredivte',
    ]);
    expect([1, 9, 22, 31].map((n) => ordinalWords(n, 'en'))).toEqual(['first', 'ninth', 'twenty-second', 'thirty-first']);
  });
});

describe('speakable text', () => {
  it('reads a phone number in pairs, as Danes say it', () => {
    expect(speakable('Ring på 32 89 01 00.', 'da')).toBe('Ring på toogtredive, niogfirs, nul et, nul nul.');
    expect(speakable('Call 32890100', 'en')).toBe('Call thirty-two, eighty-nine, oh one, double oh');
    expect(speakable('+45 33 66 33 66', 'da')).toBe('plus fire fem, treogtredive, seksogtres, treogtredive, seksogtres');
  });
  it('reads dates as "9. december"', () => {
    expect(speakable('Fristen er 9. december.', 'da')).toBe('Fristen er niende december.');
    expect(speakable('Mødet er 09.12.2026', 'da')).toBe('Mødet er niende december 2026');
    expect(speakable('2026-12-24', 'da')).toBe('fireogtyvende december 2026');
    expect(speakable('2026-12-24', 'en')).toBe('the twenty-fourth of December 2026');
    expect(speakable('by 9 December', 'en')).toBe('by the ninth of December');
  });
  it('reads clock times', () => {
    expect(speakable('Åbent kl. 10.00-14.30', 'da')).toBe('Åbent fra klokken ti til klokken fjorten tredive');
    expect(speakable('Open 10:00–14:30', 'en')).toBe("Open from ten o'clock to fourteen thirty");
    expect(speakable('at 9:05', 'en')).toBe('at nine oh five');
  });
  it('never reads a CPR number in full, typed or masked', () => {
    const typed = speakable('CPR-nummer 010190-1234', 'da');
    expect(typed).toBe('CPR-nummer nul et, nul et, halvfems, og fire skjulte cifre');
    expect(typed).not.toMatch(/1234|tolv|fireogtredive/);
    expect(speakable('0101901234', 'en')).toBe('oh one, oh one, ninety, and four hidden digits');
    expect(speakable('010190-XXXX', 'en')).toBe('oh one, oh one, ninety, and four hidden digits');
  });
  it('reads a receipt reference group by group', () => {
    expect(speakable('Din kvittering: K7QM-3XRT-9PWA', 'da')).toBe('Din kvittering: K, syv, Q, M. tre, X, R, T. ni, P, W, A.');
    expect(referenceGroups('K7QM-3XRT-9PWA', 'en')).toBe('K, seven, Q, M. three, X, R, T. nine, P, W, A.');
  });
  it('spells a reference with the NATO alphabet in both languages', () => {
    expect(spellReference('K7QM-3XRT-9PWA', 'da')).toBe(
      'Gruppe en: Kilo, syv, Quebec, Mike. Gruppe to: tre, X-ray, Romeo, Tango. Gruppe tre: ni, Papa, Whiskey, Alfa.',
    );
    expect(spellReference('K7QM-3XRT-9PWA', 'en')).toMatch(/^Group one: Kilo, seven, Quebec, Mike\. Group two: three, X-ray/);
  });
  it('splits text into sentences', () => {
    expect(sentences('Velkommen. Vælg en tjeneste! Tryk her')).toEqual(['Velkommen.', 'Vælg en tjeneste!', 'Tryk her']);
  });
});
