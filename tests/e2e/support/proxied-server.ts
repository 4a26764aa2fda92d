import { test } from '@playwright/test';
import { ChaosProxy } from './chaos-proxy.ts';
import { ServerProcess } from './server-process.ts';

export interface ProxiedServer {
  /** The real server, a child process that a test may SIGKILL and restart. */
  server: ServerProcess;
  /** The chaos proxy in front of it: the app's origin. */
  proxy: ChaosProxy;
}

/**
 * Starts one real server behind a chaos proxy for the test file that calls this (at its top level),
 * and stops both after the file. The fields are set once the file's tests begin.
 */
export function proxiedServerForFile(): ProxiedServer {
  const env = {} as ProxiedServer;
  test.beforeAll(async () => {
    env.server = await ServerProcess.start();
    env.proxy = await ChaosProxy.start(env.server.port);
  });
  test.afterAll(async () => {
    await env.proxy?.close();
    await env.server?.dispose();
  });
  return env;
}
