import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHILD_ENROLLMENT_CODE = 'CHILD-CODE-1357-ACEG-KMPR';
export const CHILD_ADMIN = { username: 'admin', password: 'correct horse battery staple' };

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Every JSON line the server logged so far. */
  logs: Record<string, unknown>[];
  /** The exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * The real server as a child process, the way operators run it: `main.ts` with its environment,
 * either as one node process (`node --import tsx`) or through the tsx wrapper as the npm scripts do.
 * Resolves once it logged `listening`.
 */
export type ChildHow = 'node' | 'tsx-wrapper' | 'sh-exec';

const COMMANDS: Record<ChildHow, [string, string[]]> = {
  node: [process.execPath, ['--import', 'tsx', 'src/server/main.ts']],
  'tsx-wrapper': [`${REPO_ROOT}node_modules/.bin/tsx`, ['src/server/main.ts']],
  // What an npm script with `exec` runs: the shell replaces itself, so npm's signal reaches tsx.
  'sh-exec': ['sh', ['-c', 'exec node_modules/.bin/tsx src/server/main.ts']],
};

export function startChildServer(env: Record<string, string>, how: ChildHow = 'node'): Promise<ChildServer> {
  const [cmd, args] = COMMANDS[how];
  const proc = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ENROLLMENT_CODE: CHILD_ENROLLMENT_CODE, ADMIN_USERNAME: CHILD_ADMIN.username, ADMIN_PASSWORD: CHILD_ADMIN.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    let buffer = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'listening') resolve({ url: String(entry.url).replace('localhost', '127.0.0.1'), proc, logs, exited });
        } catch {
          // Not JSON: the enrolment code banner.
        }
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
}
