import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lastErrorKey, rejectionKey } from './item-messages.ts';

const texts = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/tablet.json`, 'utf8')) as Record<string, unknown>;
const lookUp = (tree: Record<string, unknown>, key: string) => key.replace(/^tablet:/, '').split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the outbox speaks the tablet language, not the server', () => {
  const keys = [
    ...['unauthorized', 'network', 'too_large', 'rate_limited', 'http_502', 'anything'].map(lastErrorKey),
    ...['account_disabled', 'credential_expired', 'unknown_credential', 'not_for_device_kind'].map((c) => rejectionKey(c)!),
  ];
  it.each(['da', 'en'])('every key has a text in %s', (lang) => {
    for (const key of keys) expect(typeof lookUp(texts(lang), key), key).toBe('string');
  });
  it('an unknown server error gets the general text, never the server English message', () => {
    expect(lastErrorKey('internal')).toBe('tablet:outbox.lastErrors.server');
    expect(rejectionKey('required')).toBeUndefined();
  });
});
