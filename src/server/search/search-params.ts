import * as v from 'valibot';
import { normalizeReference } from '#domain/reference.ts';
import { submissionSortKeys, type SubmissionFilter } from '../store/store.ts';
import { cprDigits, nameTokens } from './name-tokens.ts';

/** Longest name search accepted; a name is far shorter. */
const MAX_QUERY = 200;
const MAX_TOKENS = 8;

export type SearchParams = Pick<SubmissionFilter, 'reference' | 'cpr' | 'nameTokens' | 'sort'>;

/**
 * The inbox's search and sort parameters: `reference` (any spelling: hyphens, spaces, case,
 * O for 0; the check symbol must hold), `cpr` (ten digits, with or without the hyphen), `q` (one or
 * more whole name tokens, all of which must match), `sort` (`receivedAt`, `createdAt`, `type`,
 * `status`, `reference`; a leading `-` sorts descending). Answers an error message naming the
 * parameter for a bad value, never a silent "no filter".
 */
export function parseSearchParams(query: Record<string, string | undefined>): SearchParams | { error: string } {
  const out: SearchParams = {};
  const reference = query.reference?.trim();
  if (reference) {
    const canonical = normalizeReference(reference);
    if (!canonical) {
      const symbols = reference.replace(/[\s-]/g, '');
      return { error: symbols.length === 12
        ? `reference: ${reference} is not a valid reference: its check symbol does not match (a symbol mistyped or two swapped)`
        : `reference: ${reference} is not a valid reference: a reference has 12 letters and digits, like K7QM-3XRT-9PWA` };
    }
    out.reference = canonical;
  }
  const cpr = query.cpr?.trim();
  if (cpr) {
    const digits = cprDigits(cpr);
    if (!digits) return { error: 'cpr: must be a CPR number of 10 digits (DDMMYY-SSSS)' };
    out.cpr = digits;
  }
  const q = query.q?.trim();
  if (q) {
    if (q.length > MAX_QUERY) return { error: `q: at most ${MAX_QUERY} characters` };
    const tokens = nameTokens(q);
    if (tokens.length === 0) return { error: 'q: must contain a name (letters or digits)' };
    if (tokens.length > MAX_TOKENS) return { error: `q: at most ${MAX_TOKENS} words` };
    out.nameTokens = tokens;
  }
  const sort = query.sort?.trim();
  if (sort) {
    const key = sort.replace(/^[-+]/, '');
    if (!v.is(v.picklist(submissionSortKeys), key)) return { error: `sort: must be one of ${submissionSortKeys.join(', ')}, with a leading - for descending` };
    out.sort = { key, direction: sort.startsWith('-') ? 'desc' : 'asc' };
  }
  return out;
}
