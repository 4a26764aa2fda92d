import { describe, expect, it } from 'vitest';
import { classifyReply, itemEvent, networkFailure } from './batch-reply.ts';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('classifyReply', () => {
  it('reads the per-item results and the server key of a 200', async () => {
    const reply = await classifyReply(json(200, { results: [{ id: 'a', status: 'stored' }] }), NOW);
    expect(reply).toEqual({ kind: 'results', results: [{ id: 'a', status: 'stored' }], serverKey: undefined });
  });

  it('treats a 200 without a results list (a captive portal) as the server being unavailable', async () => {
    const reply = await classifyReply(new Response('<html>', { status: 200 }), NOW);
    expect(reply).toEqual({ kind: 'stop', stop: { outcome: 'server-unavailable', error: { code: 'bad_response', message: 'HTTP 200 without a results list' }, retryAfterMs: undefined } });
  });

  it('stops as unauthorized on a 401', async () => {
    const reply = await classifyReply(json(401, { error: { code: 'unknown_device', message: 'revoked' } }), NOW);
    expect(reply).toMatchObject({ kind: 'stop', stop: { outcome: 'unauthorized', error: { code: 'unauthorized', message: 'revoked' } } });
  });

  it('names a 413 too large and a 400 a bad request with the contract error', async () => {
    expect(await classifyReply(json(413, {}), NOW)).toEqual({ kind: 'too-large' });
    expect(await classifyReply(json(400, { error: { code: 'bad_batch', message: 'no' } }), NOW)).toEqual({
      kind: 'bad-request',
      error: { code: 'bad_batch', message: 'no' },
    });
  });

  it('treats 429, 5xx and an unexpected status alike, keeping Retry-After', async () => {
    const reply = await classifyReply(json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '30' }), NOW);
    expect(reply).toEqual({ kind: 'stop', stop: { outcome: 'server-unavailable', error: { code: 'rate_limited', message: 'slow down' }, retryAfterMs: 30_000 } });
    const proxy = await classifyReply(new Response('forbidden', { status: 403 }), NOW);
    expect(proxy).toMatchObject({ kind: 'stop', stop: { outcome: 'server-unavailable', error: { code: 'http_403', message: 'HTTP 403' } } });
  });
});

describe('networkFailure', () => {
  it('stops the run as a network error named after the failure', () => {
    expect(networkFailure(new TypeError('Failed to fetch'))).toEqual({
      kind: 'stop',
      stop: { outcome: 'network-error', error: { code: 'network', message: 'TypeError: Failed to fetch' } },
    });
  });
});

describe('itemEvent', () => {
  it('acknowledges stored and duplicate', () => {
    expect(itemEvent({ id: 'a', status: 'stored' })).toEqual({ type: 'acknowledge', status: 'stored' });
    expect(itemEvent({ id: 'a', status: 'duplicate' })).toEqual({ type: 'acknowledge', status: 'duplicate' });
  });

  it('rejects invalid and conflict with the field errors', () => {
    const errors = [{ path: 'note', code: 'required' }];
    expect(itemEvent({ id: 'a', status: 'invalid', errors })).toEqual({ type: 'reject', status: 'invalid', errors });
    expect(itemEvent({ id: 'a', status: 'conflict' })).toEqual({ type: 'reject', status: 'conflict', errors: undefined });
  });

  it('retries an item with an unknown status or no result', () => {
    expect(itemEvent({ id: 'a', status: 'later' })).toMatchObject({ type: 'retry', error: { code: 'no_result', message: 'the server answered later for it' } });
    expect(itemEvent(undefined)).toMatchObject({ type: 'retry', error: { code: 'no_result', message: 'the server answered nothing for it' } });
  });
});
