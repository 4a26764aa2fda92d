import { csvCell } from '../csv.ts';

/**
 * CSV as Danish Excel opens it with a double click: a UTF-8 byte-order mark (without it Excel reads
 * "ø" as "Ã¸"), semicolons between cells (Danish Excel takes the comma as the decimal sign) and CRLF
 * line ends. Cells are defused against formulas as in csv.ts; a cell holding a semicolon is quoted.
 */
export function toExcelCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = csvCell(value);
    return text.startsWith('"') || !text.includes(';') ? text : `"${text}"`;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** An instant as a Copenhagen reader writes it: 05-12-2026 14:03:07, which Danish Excel reads as a date and time. */
export function copenhagenDateTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}
