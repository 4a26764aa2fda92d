import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { describeGroupCommitContract } from './ingest-store.ts';

describeGroupCommitContract('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-group-commit-'));
  return {
    open: () => openStore({ dataDir, log: silentLog }),
    multiProcess: false,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
