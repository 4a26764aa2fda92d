import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
  return {
    open: () => openStore({ dataDir, log: silentLog }),
    multiProcess: false,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
