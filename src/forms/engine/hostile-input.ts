import type { FieldError } from './types.ts';

/**
 * What no honest client sends, checked on the raw parsed JSON before any schema copies it:
 * - text that is not valid Unicode (a lone surrogate, as JSON's "\ud800" escape can carry), which
 *   would be stored as invalid UTF-8 and break exports and printing: code `format`;
 * - keys that name an object's machinery (`__proto__`, `constructor`, `prototype`): a schema that
 *   copies the object drops them silently, so they would pass validation and be sealed anyway:
 *   code `notAllowed`;
 * - nesting deeper than any form has: code `notAllowed`.
 * Paths are dotted like the engine's ('members.0.name').
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * String.prototype.isWellFormed where the runtime has it (Node 20, current browsers): native, and
 * many times faster than the pattern on the long base64 strings of a batch of envelopes; the
 * pattern answers the same elsewhere. Without needing ES2024 types.
 */
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const isWellFormedText = nativeWellFormed ? (text: string) => nativeWellFormed.call(text) : (text: string) => !LONE_SURROGATE.test(text);
const MAX_DEPTH = 8;

export function hostileInputErrors(value: unknown, path = '', depth = 0): FieldError[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [{ path: path || '(data)', code: 'format' }];
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ path: path || '(data)', code: 'notAllowed' }];
  const errors: FieldError[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => errors.push(...hostileInputErrors(item, at(i), depth + 1)));
    return errors;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || !isWellFormedText(key)) {
      errors.push({ path: at(isWellFormedText(key) ? key : '(key)'), code: 'notAllowed' });
      continue;
    }
    errors.push(...hostileInputErrors((value as Record<string, unknown>)[key], at(key), depth + 1));
  }
  return errors;
}
