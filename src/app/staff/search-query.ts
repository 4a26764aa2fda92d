import { normalizeReference } from '#domain/reference.ts';

export type SearchKind = 'reference' | 'cpr' | 'q';

/**
 * What the inbox's one search field means: a reference (typed with or without hyphens, in any
 * case, or typed by a handheld QR scanner from the receipt), a CPR number (ten digits, with or
 * without the hyphen), or else a name. Twelve letters and digits with a wrong check symbol still
 * count as a reference, so the server can say the reference is mistyped rather than find no name.
 */
export function interpretSearch(text: string): { kind: SearchKind; value: string } | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // A twelve-letter name ("Christiansen") passes the check symbol one time in 32: a reference is
  // taken as one when it holds a digit or is grouped as on the receipt (about 99 % of references
  // hold a digit; the rest are found typed with their hyphens, as the scanner types them).
  const reference = normalizeReference(trimmed);
  if (reference && (/\d/.test(trimmed) || /^\S{4}-\S{4}-\S{4}$/.test(trimmed))) return { kind: 'reference', value: reference };
  const compact = trimmed.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(compact)) return { kind: 'cpr', value: compact };
  if (/^[0-9A-Za-z]{12}$/.test(compact) && /\d/.test(compact)) return { kind: 'reference', value: trimmed };
  return { kind: 'q', value: trimmed };
}
