import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLog } from '../../src/server/log.ts';
import { openStore } from '../../src/server/store/open-store.ts';
import { describeGroupCommitContract } from './ingest-store.ts';

describeGroupCommitContract('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-group-commit-'));
  return {
    open: () => openStore({ dataDir, log: silentLog }),
    multiProcess: false,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
