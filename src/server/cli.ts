import { createStaffUser, normalizeUsername } from './auth/staff-users.ts';
import { silentLog } from './log.ts';
import { openStore } from './store/open-store.ts';
import type { StaffRole, Store } from './store/store.ts';
import { OPS_USAGE, runOpsCommand } from './ops/commands.ts';
import { rotateKekCommand } from './cli-rotate-kek.ts';
import { rotateServerKeyCommand } from './cli-rotate-key.ts';
import { resolveKek } from './crypto/key-encryption-key.ts';

/**
 * Staff accounts from the command line, against the same database as the server
 * (DATA_DIR or DATABASE_URL):
 *   npx tsx src/server/cli.ts create-admin <username>
 *   npx tsx src/server/cli.ts create-caseworker <username>
 *   npx tsx src/server/cli.ts rotate-server-key      (cli-rotate-key.ts; needs the same KEK as the server)
 *   npx tsx src/server/cli.ts rotate-key-encryption-key   (cli-rotate-kek.ts; NEW_KEY_ENCRYPTION_KEY)
 * The password comes from ADMIN_PASSWORD or the first line of stdin, never from the command line,
 * where `ps` and the shell history would show it. An existing user is never changed.
 */
const USAGE = 'usage: npx tsx src/server/cli.ts create-admin|create-caseworker <username>  (password: ADMIN_PASSWORD or stdin)\n       npx tsx src/server/cli.ts rotate-server-key | rotate-key-encryption-key';
const roles: Record<string, StaffRole> = { 'create-admin': 'admin', 'create-caseworker': 'caseworker' };

async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  // Backups, restore and the move to PostgreSQL (ops/commands.ts).
  const opsExit = await runOpsCommand(process.argv.slice(2));
  if (opsExit !== undefined) return opsExit;
  const [command, username] = process.argv.slice(2);
  if (command === 'rotate-server-key') return runWithKek(rotateServerKeyCommand);
  if (command === 'rotate-key-encryption-key') return runWithKek(rotateKekCommand);
  const role = command ? roles[command] : undefined;
  if (!role || !username) {
    console.error(`${USAGE}\n${OPS_USAGE}`);
    return 2;
  }
  const password = process.env.ADMIN_PASSWORD || (await readFirstLine());
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data', log: silentLog });
  try {
    const outcome = await createStaffUser(store, username, password, role);
    if (outcome === 'exists') {
      console.error(`User ${normalizeUsername(username)} exists already; nothing changed.`);
      return 1;
    }
    console.log(`Created ${role} ${normalizeUsername(username)} in ${store.kind}.`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Commands that need the key-encryption key: found as the server finds it (KEY_ENCRYPTION_KEY, …_FILE, the generated file). */
async function runWithKek(command: (store: Store, kek: Buffer) => Promise<number>): Promise<number> {
  const dataDir = process.env.DATA_DIR || './data';
  process.umask(0o077);
  const kek = resolveKek({ key: process.env.KEY_ENCRYPTION_KEY || undefined, file: process.env.KEY_ENCRYPTION_KEY_FILE || undefined, production: process.env.NODE_ENV === 'production', dataDir });
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir, log: silentLog, kek: kek.key });
  try {
    return await command(store, kek.key);
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
