/** How the fleet view writes sizes: megabytes (or gigabytes) as a person reads them, in the staff member's language. */
export function formatBytes(bytes: number, language: 'da' | 'en'): string {
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const gb = bytes >= 1e9;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: gb ? 'gigabyte' : 'megabyte', maximumFractionDigits: gb ? 1 : 0 }).format(bytes / (gb ? 1e9 : 1e6));
}

/** Flags in the order the screen lists them: the same weight order the server sorts by. */
export const FLAG_ORDER = ['old_work', 'not_seen', 'never_seen', 'rejected', 'storage_full', 'sync_failing', 'not_persisted'];
