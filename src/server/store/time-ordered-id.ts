import { randomFillSync } from 'node:crypto';

/**
 * A UUID whose first 48 bits are the time in milliseconds (version 7, RFC 9562), for rows the
 * server names itself (a case's history). Its index then grows at one end, one page for a whole
 * batch, where a random UUID lands each new row in a page of its own: one index page written per
 * stored envelope instead of one per row (tests/bench/BENCHMARKS.md). The other 74 bits are random,
 * so ids stay unguessable; the time they show is stored beside them anyway.
 */
export function timeOrderedId(now = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
