import { copenhagenDate, formatIsoDate, isValidDate, type IsoDate } from './dates.ts';

export type CprError = 'format' | 'date' | 'future' | 'replacement';

export type CprResult =
  | { ok: true; cpr: string; birthDate: IsoDate; sex: 'male' | 'female' }
  | { ok: false; error: CprError };

// DDMMYY-SSSS; the hyphen is optional and spaces anywhere are ignored (docs/rules.md, "CPR numbers").
const cprPattern = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/**
 * Reads a CPR number typed by a citizen. Deliberately no modulus-11 check: CPR numbers without it
 * have been issued since 2007, so a number failing that check is still a real one. Replacement numbers ("erstatningspersonnumre", day + 60) are refused because they are
 * not a person's own CPR number and give no birth date.
 */
export function parseCpr(input: string, today: Date): CprResult {
  const match = cprPattern.exec(input.replace(/\s+/g, ''));
  if (!match) return { ok: false, error: 'format' };
  const [, dd, mm, yy, serial] = match;
  const day = Number(dd);
  const month = Number(mm);
  if (day >= 61 && day <= 91) return { ok: false, error: 'replacement' };

  const year = centuryOf(Number(serial[0]), Number(yy)) + Number(yy);
  if (!isValidDate(year, month, day)) return { ok: false, error: 'date' };

  const birthDate = formatIsoDate(year, month, day);
  if (birthDate > copenhagenDate(today)) return { ok: false, error: 'future' };

  const sex = Number(serial[3]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, cpr: `${dd}${mm}${yy}${serial}`, birthDate, sex };
}

/** The century from the 7th digit and YY, per the table in docs/rules.md, "CPR numbers". */
function centuryOf(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/**
 * "DDMMYY-XXXX" for screens and receipts (a kiosk's screen and printer are shared: never
 * show a full CPR number where others can read it). Throws on anything that is not ten digits; the message never repeats the input.
 */
export function maskCpr(cpr: string): string {
  const match = cprPattern.exec(cpr.replace(/\s+/g, ''));
  if (!match) throw new RangeError('cpr.maskCpr: not a CPR number');
  return `${match[1]}${match[2]}${match[3]}-XXXX`;
}
