/**
 * RFC 4180 CSV, for staff to open in a spreadsheet. A cell that starts with = + - @ (or a tab or CR,
 * which some spreadsheets strip first) would be read as a formula: it gets a leading apostrophe
 * (OWASP, "CSV Injection"), so a crafted value cannot run anything on a caseworker's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 says, ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV as Danish Excel opens it on a double click: a UTF-8 byte-order mark (without it Excel reads
 * the bytes as Windows-1252 and "ø" shows as "Ã¸") and semicolons, the list separator of the
 * Danish regional settings (a comma is the decimal sign there, so commas put everything in one column).
 */
export function toExcelCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
