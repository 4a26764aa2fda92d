import { randomBytes, randomUUID } from 'node:crypto';
import type { SealedPayload, ServerKey } from '#contract/v1.ts';
import { seal } from '#outbox/envelope.ts';
import { openPrivateKey } from '#server/crypto/key-wrap.ts';
import { decryptEnvelope } from '#server/crypto/open-envelope.ts';
import { ECDH_PARAMS, generateEcdhServerKey, servedEcdhKey } from '#server/crypto/server-key-ecdh.ts';
import { generateServerKey, keyCopies, servedKey } from '#server/crypto/server-key.ts';
import type { Figure } from './lib/results.ts';
import { median, round } from './lib/stats.ts';

/**
 * Opening one envelope on the server, RSA against the key-agreement envelope: the whole
 * `decryptEnvelope` of src/server/crypto/open-envelope.ts (the private-key step, AES-256-GCM and the
 * payload's JSON), on envelopes sealed by the device's own code (src/outbox/envelope.ts) for keys
 * made as the server makes them. One at a time (the latency of one envelope), and 64 at once over
 * the keyring's key copies (what a batch costs on every core).
 */
const COUNT = 64;

const payload = (): SealedPayload => ({
  type: 'test-note',
  schemaVersion: 1,
  reference: 'K7QM-3XRT-9PWA',
  createdAt: new Date().toISOString(),
  data: { name: 'Anne Jensen', message: 'Mit nøglekort er bortkommet.' },
});

export async function envelopeOpenCost(): Promise<Figure[]> {
  const kek = randomBytes(32);
  const [rsa, ec] = await Promise.all([generateServerKey(kek), generateEcdhServerKey(kek)]);
  const rsaJwk = openPrivateKey(kek, rsa.kid, rsa.sealedPrivateKey);
  const ecJwk = openPrivateKey(kek, ec.kid, ec.sealedPrivateKey);
  const copies = {
    rsa: await Promise.all(Array.from({ length: keyCopies() }, () => crypto.subtle.importKey('jwk', rsaJwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']))),
    ecdh: await Promise.all(Array.from({ length: keyCopies() }, () => crypto.subtle.importKey('jwk', ecJwk, ECDH_PARAMS, false, ['deriveBits']))),
  };
  const keys: Record<'rsa' | 'ecdh', ServerKey> = { rsa: servedKey(rsa), ecdh: { ...servedKey(rsa), ecdh: servedEcdhKey(ec) } };
  const figures: Figure[] = [];
  const perEnvelope: Record<string, number> = {};
  for (const scheme of ['rsa', 'ecdh'] as const) {
    const envelopes = await Promise.all(Array.from({ length: COUNT }, () => seal(payload(), { id: randomUUID() }, keys[scheme])));
    const one: number[] = [];
    for (const envelope of envelopes) {
      const started = performance.now();
      const opened = await decryptEnvelope(envelope, copies[scheme][0]!);
      one.push(performance.now() - started);
      if (!opened.ok) throw new Error(`bench: a ${scheme} envelope did not open: ${JSON.stringify(opened.errors)}`);
    }
    const started = performance.now();
    await Promise.all(envelopes.map((e, i) => decryptEnvelope(e, copies[scheme][i % copies[scheme].length]!)));
    const perSecond = Math.round(COUNT / ((performance.now() - started) / 1000));
    const name = scheme === 'rsa' ? 'open an RSA-OAEP-3072 envelope' : 'open an ECDH-ES P-256 + HKDF envelope';
    perEnvelope[scheme] = median(one);
    figures.push(
      { group: 'ingest', name: `${name}, one at a time (median of ${COUNT})`, value: round(median(one), 3), unit: 'ms', quiet: true, note: 'decryptEnvelope whole: private-key step, AES-256-GCM, JSON' },
      { group: 'ingest', name: `${name}, ${COUNT} at once, ${copies[scheme].length} key copies`, value: perSecond, unit: '/s', quiet: true },
    );
  }
  figures.push({ group: 'ingest', name: 'ECDH envelope / RSA envelope, open cost one at a time', value: round(perEnvelope.ecdh! / perEnvelope.rsa!, 3), unit: '×', note: 'a ratio: moves less with the machine\'s load than either time' });
  return figures;
}

// Run alone: npx tsx tests/bench/envelope-open.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await envelopeOpenCost()) console.log(`${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
}
