/**
 * The receipt reference, made on the device so that the receipt carries it while offline
 * (the contract asks for at least 50 random bits, grouped for reading aloud, with a check
 * character).
 *
 * 11 random symbols of Crockford's base32 (no I, L, O, U: nothing to mistake for 1, 0 or V) give
 * 55 bits; a 12th symbol is the check, read as "K7QM-3XRT-9PWA". The check is Damm's algorithm
 * over a quasigroup of order 32 rather than Luhn mod 32: Luhn mod N misses the transposition of
 * the first and last symbol ("0Z" ↔ "Z0"), Damm's catches every single-symbol error and every
 * adjacent transposition.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 11;
const GROUP = 4;
/** Symbols as read aloud and written on the receipt, with the check: 3 groups of 4. */
const SYMBOLS = RANDOM_SYMBOLS + 1;

/** A new random reference, formatted for the receipt. */
export function newReference(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(RANDOM_SYMBOLS);
  random(bytes);
  // 256 is a multiple of 32, so the low five bits of a uniform byte are a uniform symbol.
  const values = [...bytes].map((b) => b & 31);
  values.push(checkSymbol(values));
  return format(values);
}

/** Whether the text, normalized as a person might type it, is a reference with a correct check symbol. */
export function isValidReference(text: string): boolean {
  return normalizeReference(text) !== undefined;
}

/**
 * The canonical form ("K7QM-3XRT-9PWA") of a reference typed by a person: case, spaces and
 * hyphens do not matter, and O reads as 0, I and L as 1 (Crockford's decoding). Undefined when it
 * is not a valid reference.
 */
export function normalizeReference(text: string): string | undefined {
  const symbols = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== SYMBOLS) return undefined;
  const values = [...symbols].map((s) => ALPHABET.indexOf(s));
  if (values.some((v) => v < 0) || dammInterim(values) !== 0) return undefined;
  return format(values);
}

function format(values: number[]): string {
  const symbols = values.map((v) => ALPHABET[v]).join('');
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Damm's quasigroup of order 32 from GF(2^5): x ∘ y = a·x + y with a = 2 (the polynomial x,
 * modulo the irreducible x^5 + x^2 + 1). Because a ≠ 0 and a ≠ 1, it is a quasigroup (every
 * single change is caught) and (c∘x)∘y = (c∘y)∘x only if x = y (every adjacent swap is caught).
 */
function op(x: number, y: number): number {
  return timesA(x) ^ y;
}

function timesA(x: number): number {
  const doubled = x << 1;
  return doubled & 32 ? doubled ^ 0b100101 : doubled;
}

function dammInterim(values: number[]): number {
  return values.reduce(op, 0);
}

/** The symbol c with interim ∘ c = 0; in characteristic 2, c = a·interim. */
function checkSymbol(values: number[]): number {
  return timesA(dammInterim(values));
}
