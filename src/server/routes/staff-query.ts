import * as v from 'valibot';

/** Query-string pieces the staff routes share (the inbox's filter and the audit log's). */

/** An empty parameter (`?status=&type=`) means "any", as the contract's example URL implies. */
export const blankToUndefined = v.transform((s: string) => (s === '' ? undefined : s));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date bound: a calendar date (a whole UTC day, `to` inclusive, so `endOfDay` moves it to the
 * next midnight) or an exact ISO timestamp (the back office sends local midnights, so that "today"
 * means today in Denmark). Answers the bound as ISO text; an upper bound is exclusive.
 */
export const dateBound = (endOfDay: boolean) =>
  v.optional(
    v.pipe(
      v.string(),
      blankToUndefined,
      v.optional(
        v.pipe(
          v.string(),
          v.check((s) => (DATE.test(s) || v.is(v.pipe(v.string(), v.isoTimestamp()), s)) && !Number.isNaN(Date.parse(s)), 'must be YYYY-MM-DD or an ISO timestamp'),
          v.transform((s) => {
            const t = new Date(s);
            if (DATE.test(s) && endOfDay) t.setUTCDate(t.getUTCDate() + 1);
            return t.toISOString();
          }),
        ),
      ),
    ),
  );
