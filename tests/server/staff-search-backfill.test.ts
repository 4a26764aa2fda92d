import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import '#forms/index.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { requestType } from '#forms/registry.ts';
import { newReference } from '#domain/reference.ts';
import { startTestServer } from './harness.ts';
import { seal } from './seal.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('indexes cases stored before the search index existed at the next start, so a search finds them', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-search-backfill-'));
  const type = 'housing-benefit';
  const first = await startTestServer({ dir });
  const kiosk = await first.enroll('Kiosk Gammel');
  const reference = newReference();
  const data = { ...examplePayloads[type], name: 'Villads Frølund', cpr: '0912674321' };
  const envelope = await seal({ type, schemaVersion: requestType(type)!.current, reference, createdAt: new Date().toISOString(), data }, randomUUID(), kiosk.serverKey);
  expect((await first.submit(kiosk.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  await first.close();

  // As a database from before the index: the table is empty.
  const db = new BetterSqlite3(join(dir, 'data', 'kiosk.sqlite'));
  db.prepare('DELETE FROM submission_search').run();
  db.close();

  const again = await startTestServer({ dir });
  try {
    const cookie = await again.login();
    for (const query of ['cpr=091267-4321', `q=${encodeURIComponent('frølund')}`]) {
      const r = await again.staff(cookie, `/submissions?${query}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.submissions.map((s: { id: string }) => s.id), query).toEqual([envelope.id]);
    }
  } finally {
    await again.close();
  }
}, 120_000);
