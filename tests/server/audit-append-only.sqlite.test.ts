import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe } from 'vitest';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { SQLITE_FILE } from '#server/store/sqlite.ts';
import { describeAuditAppendOnly } from './audit-append-only.ts';

describe('audit log on SQLite', () => {
  describeAuditAppendOnly(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const store = await openStore({ dataDir, log: silentLog });
    // A second connection to the file, as the sqlite3 shell would open it.
    const file = new BetterSqlite3(join(dataDir, SQLITE_FILE));
    return {
      store,
      raw: async (statement) => file.prepare(statement).run(),
      async close() {
        file.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
});
