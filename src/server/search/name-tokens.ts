/**
 * How a name becomes search tokens, the same way at ingest and when a caseworker searches:
 * lower-case, Unicode NFC, diacritics folded (é → e, ü → u) but æ, ø and å kept (they are
 * letters of their own in Danish: "Løkke" is not "Lokke"), split on anything that is not a
 * letter or digit ("Hans-Peter O'Neil" → hans, peter, o, neil). One token matches one whole token.
 */
export function nameTokens(text: string): string[] {
  const folded = text
    .normalize('NFC')
    .toLowerCase()
    // Keep å through the decomposition below: NFD would split it into a and a ring.
    .replace(/å/g, '\u0000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0000/g, 'å')
    .normalize('NFC');
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
  return [...new Set(tokens)];
}

/** A CPR number as ten digits ("010190-1234", "0101901234", "010190 1234"), or undefined. */
export function cprDigits(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}
