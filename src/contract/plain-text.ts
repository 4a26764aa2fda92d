import * as v from 'valibot';

/**
 * Names and labels staff type (device names, enrolment-code labels) are shown to other staff in
 * lists and in the audit log. Refused:
 * - control characters and < > (as before);
 * - format characters (Unicode category Cf): the bidirectional overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), the marks U+200E/U+200F and zero-width characters, which can
 *   make "Kiosk 1" display as another device's name, or as nothing at all;
 * - text with nothing visible in it (only spaces, fillers such as U+3164 or U+2800).
 */
const FORMAT_OR_CONTROL = /[\p{Cc}\p{Cf}<>]/u;
/** Letters, digits, punctuation or symbols, minus the ones that render as blank space. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LOOKING = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;

export const hasVisibleText = (text: string) => VISIBLE.test(text.replace(BLANK_LOOKING, ''));

export function displayName(what: string, maxLength: number, options: { optional?: boolean } = {}) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.minLength(options.optional ? 0 : 1, `${what} must not be empty`),
    v.maxLength(maxLength),
    v.check((text) => !FORMAT_OR_CONTROL.test(text), `${what} must be plain printable text: no control, direction or invisible formatting characters, and no < or >`),
    v.check((text) => (options.optional && text === '') || hasVisibleText(text), `${what} must contain visible letters or digits`),
  );
}
