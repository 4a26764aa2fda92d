import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { hostileInputErrors } from '#forms/engine/hostile-input.ts';
import { apiError } from './errors.ts';

/** Enrolment, login, transitions: a few fields each. Only the submissions endpoint takes MAX_BODY_BYTES. */
export const SMALL_BODY_BYTES = 16 * 1024;

/** 413 with the contract's error shape; checks Content-Length first, so a huge body is not read. */
export const limitBody = (maxBytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => apiError(c, 413, 'body_too_large', `The request body exceeds the limit of ${maxBytes} bytes.`),
  });

/** "submissions: Invalid length: Expected <=100 but received 101; …": says which field and why. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((i) => `${v.getDotPath(i) ?? '(body)'}: ${i.message}`).join('; ');
}

/**
 * Reads the body as JSON and validates it: the parsed value, or the 400 response to send.
 * Never throws on bad input, whatever bytes arrive.
 */
export async function readJsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S> | Response> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return apiError(c, 400, 'malformed_json', 'The request body is not valid JSON.');
  }
  // A lone surrogate ("\ud800") is valid JSON but not valid text: it would be stored as broken UTF-8.
  const hostile = hostileInputErrors(json).find((e) => e.code === 'format');
  if (hostile) return apiError(c, 400, 'invalid_text', `${hostile.path}: text must be valid Unicode (it holds a lone surrogate).`);
  const result = v.safeParse(schema, json);
  if (!result.success) return apiError(c, 400, 'invalid_request', describeIssues(result.issues));
  return result.output;
}
