/**
 * RFC 4180 CSV, for staff to open in a spreadsheet. A cell that starts with = + - @ (or a tab or CR,
 * which some spreadsheets strip first) would be read as a formula: it gets a leading apostrophe
 * (OWASP, "CSV Injection"), so a crafted value cannot run anything on a caseworker's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 says, ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
