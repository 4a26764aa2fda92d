import * as v from 'valibot';
import { TOKEN_EXPIRED, type FieldError, type ServerKey } from '#contract/v1.ts';
import { parseRetryAfter } from './backoff.ts';
import type { DeviceRefusal, OutboxError } from './records.ts';
import { serverKeySchema } from './server-key-update.ts';
import type { OutboxEvent } from './state.ts';
import type { StopOutcome } from './sync-result.ts';

/**
 * What the server's answer to one batch of submissions means (the contract in src/contract/v1.ts):
 * per-item results, a body too large, a bad batch, or a reason to stop the run. Pure: no storage.
 */

export interface Stop {
  outcome: StopOutcome;
  error: OutboxError;
  retryAfterMs?: number;
  /** With 'unauthorized': whether the token was revoked or ran out. */
  refusal?: DeviceRefusal;
}

const batchResponseSchema = v.object({
  results: v.array(
    v.object({
      id: v.string(),
      // A string, not the four known statuses: an item with a status from a later contract is retried, not the batch.
      status: v.string(),
      errors: v.optional(v.array(v.object({ path: v.string(), code: v.string() }))),
    }),
  ),
  // Additive: the server's current key, sent after a rotation too (server-key-update.ts).
  serverKey: v.optional(serverKeySchema),
});

export type ItemResult = v.InferOutput<typeof batchResponseSchema>['results'][number];

export type Reply =
  | { kind: 'results'; results: ItemResult[]; serverKey?: ServerKey }
  | { kind: 'too-large' }
  | { kind: 'bad-request'; error: OutboxError }
  | { kind: 'stop'; stop: Stop };

/** Reads the server's answer to a batch; `now` is for a Retry-After given as a date. */
export async function classifyReply(response: Response, now: number): Promise<Reply> {
  if (response.ok) {
    const parsed = v.safeParse(batchResponseSchema, await response.json().catch(() => undefined));
    if (parsed.success) return { kind: 'results', results: parsed.output.results, serverKey: parsed.output.serverKey };
    // A 200 that is not the contract's answer: a captive portal or a proxy. Try again later.
    return stop('server-unavailable', 'bad_response', `HTTP ${response.status} without a results list`);
  }
  const error = await errorOf(response);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  switch (response.status) {
    case 401:
      // The device token is revoked or expired: staff must enrol the device again. Nothing is dropped.
      return { kind: 'stop', stop: { outcome: 'unauthorized', error: { code: 'unauthorized', message: error.message }, refusal: refusalOf(error.code) } };
    case 413:
      return { kind: 'too-large' };
    case 400:
      return { kind: 'bad-request', error };
    default:
      // 408, 429 and 5xx by the contract; anything else unexpected (a proxy's 403 or 404) is
      // treated alike, since the outbox never drops an item for a transport problem.
      return stop('server-unavailable', error.code, error.message, retryAfterMs);
  }
}

/** A request that never got an answer (offline, DNS, timeout): the run stops, the items wait. */
export function networkFailure(error: unknown): Reply {
  return stop('network-error', 'network', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/** What one item's result does to it; an item the server did not answer for is retried. */
export function itemEvent(result: ItemResult | undefined): OutboxEvent {
  switch (result?.status) {
    case 'stored':
    case 'duplicate':
      return { type: 'acknowledge', status: result.status };
    case 'invalid':
    case 'conflict':
      return { type: 'reject', status: result.status, errors: result.errors as FieldError[] | undefined };
    default:
      return { type: 'retry', error: { code: 'no_result', message: `the server answered ${result?.status ?? 'nothing'} for it` } };
  }
}

/** A 401's code: `token_expired` when the lifetime ran out; anything else means revoked or unknown. */
export function refusalOf(code: string | undefined): DeviceRefusal {
  return code === TOKEN_EXPIRED ? 'expired' : 'revoked';
}

function stop(outcome: StopOutcome, code: string, message: string, retryAfterMs?: number): Reply {
  return { kind: 'stop', stop: { outcome, error: { code, message }, retryAfterMs } };
}

/** The contract's `{ error: { code, message } }`, or the HTTP status when the body is something else. */
async function errorOf(response: Response): Promise<OutboxError> {
  const fallback = { code: `http_${response.status}`, message: `HTTP ${response.status}` };
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code !== 'string') return fallback;
  return { code: error.code, message: typeof error.message === 'string' ? error.message : fallback.message };
}
