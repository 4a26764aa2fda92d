/** Staff are warned this long before retention deletes a case (the server's DELETION_WARNING_DAYS). */
export const DELETION_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The calendar date (YYYY-MM-DD, UTC) a case will be deleted on, when that is within the warning
 * period; undefined otherwise, or when the server did not say (an older server).
 */
export function deletionSoon(deletesAt: string | undefined, now = Date.now()): string | undefined {
  if (!deletesAt) return undefined;
  const at = Date.parse(deletesAt);
  if (Number.isNaN(at) || at - now > DELETION_WARNING_DAYS * DAY_MS) return undefined;
  return deletesAt.slice(0, 10);
}
