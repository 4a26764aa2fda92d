import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotateKek } from '#server/cli-rotate-kek.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { NOTE, populate } from './at-rest.ts';
import { startTestServer, TEST_KEK } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-rekey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rotating the key-encryption key', () => {
  it('seals every key under the new KEK: the old one no longer starts the server, the new one reads everything', async () => {
    const first = await startTestServer({ dir });
    const { submissionId } = await populate(first);
    await first.close();

    const next = randomBytes(32);
    const store = await openStore({ dataDir: join(dir, 'data'), log: silentLog, kek: TEST_KEK });
    try {
      // A wrong current KEK changes nothing.
      await expect(rotateKek(store, randomBytes(32), next)).rejects.toThrow(/does not open the server key/);
      expect(await rotateKek(store, TEST_KEK, next)).toBe(5); // the RSA and EC key pairs, the notes' key, the search key and the witness register's key
      expect(await store.listAudit({ action: 'rotate_key_encryption_key' })).toHaveLength(1);
    } finally {
      await store.close();
    }

    await expect(startTestServer({ dir })).rejects.toThrow(/does not open the server key/);
    const again = await startTestServer({ dir, keyEncryption: { key: next.toString('base64') } });
    try {
      const cookie = await again.login();
      const detail = await again.staff(cookie, `/submissions/${submissionId}`);
      expect(detail.status).toBe(200);
      expect(JSON.stringify(detail.json.history)).toContain(NOTE);
    } finally {
      await again.close();
    }
  }, 60_000);
});
