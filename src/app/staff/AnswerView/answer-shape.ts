/**
 * How a decrypted payload is shown: any JSON, whatever the form, so that a new request type is
 * readable in the back office the day it ships. Pure, so the rules are testable without a browser.
 */
export type AnswerShape =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** An exact time (ISO 8601 with a time of day), shown in the caseworker's own format and time zone. */
  | { kind: 'dateTime'; iso: string }
  /** A calendar date (YYYY-MM-DD: a birth date, a moving day), shown as a date without a time zone shift. */
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'image'; src: string }
  | { kind: 'list'; items: unknown[] }
  | { kind: 'table'; columns: string[]; rows: Record<string, unknown>[] }
  | { kind: 'fields'; entries: [string, unknown][] };

// Only raster data URLs (signatures drawn on a screen are PNG; a tablet might send JPEG or WebP):
// anything else, SVG included, is shown as text and never loaded.
const PNG_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const realDate = (text: string) => !Number.isNaN(Date.parse(text));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

export function answerShape(value: unknown): AnswerShape {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') {
    if (PNG_DATA_URL.test(value)) return { kind: 'image', src: value };
    if (ISO_DATE_TIME.test(value) && realDate(value)) return { kind: 'dateTime', iso: value };
    if (ISO_DATE.test(value) && realDate(value)) return { kind: 'date', iso: value };
    return { kind: 'text', text: value };
  }
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    // Rows of flat records (household members, say) read best as a table.
    if (value.every((item) => isRecord(item) && Object.values(item).every(isScalar) && !Object.values(item).some((v) => typeof v === 'string' && PNG_DATA_URL.test(v)))) {
      const columns = [...new Set(value.flatMap((item) => Object.keys(item as object)))];
      return { kind: 'table', columns, rows: value as Record<string, unknown>[] };
    }
    return { kind: 'list', items: value };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? { kind: 'empty' } : { kind: 'fields', entries };
  }
  return { kind: 'text', text: String(value) };
}

/** "newAddress" → "New address", "cpr_number" → "Cpr number": the field's key as a readable label. */
export function keyLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
