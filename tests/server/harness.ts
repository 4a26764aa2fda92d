import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnrollResponse } from '#contract/v1.ts';
import { requestTypeRegistry } from '#forms/registry.ts';
import { silentLog } from '#server/log.ts';
import { startServer, type RunningServer, type ServerOptions } from '#server/server.ts';
import { registerTestRequestType } from './fixtures.ts';

/** Strong enough for the start-up check (auth/start-up-codes.ts). */
export const ENROLLMENT_CODE = 'TEST-CODE-2468-ACEG-KMPR';
export const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
/** One key-encryption key for every test server, as processes sharing a database must share it (pass keyEncryption to differ). */
export const TEST_KEK = Buffer.alloc(32, 7);

/** Generous limits, so that only the tests about limits ever see a 429. */
const RELAXED_LIMITS = { deviceRequestsPerSecond: 10_000, deviceBurst: 10_000, loginFailuresPerUser: 1000, loginFailuresPerIp: 1000, enrollFailuresPerIp: 1000, enrollFailuresGlobal: 1000 };

export interface Reply {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export interface TestServer {
  url: string;
  dir: string;
  loginHashes: RunningServer['loginHashes'];
  /**
   * fetch relative to the server, answering status, headers and the body parsed when it is JSON.
   * Sends what a well-behaved client sends (http/same-origin.ts): `Origin` set to the server's own,
   * and a string body as JSON; a test passes its own headers to send something else.
   */
  request(path: string, init?: RequestInit): Promise<Reply>;
  /** Enrols a device; a kiosk unless `kind` says tablet (only tablets may send assisted work). */
  enroll(name?: string, kind?: 'kiosk' | 'tablet'): Promise<EnrollResponse>;
  submit(token: string, body: unknown): Promise<Reply>;
  /** Logs in and answers the Cookie header value to send. */
  login(username?: string, password?: string): Promise<string>;
  staff(cookie: string, path: string, init?: RequestInit): Promise<Reply>;
  close(): Promise<void>;
}

/** A fake build: enough files to check caching, types and the SPA fallback without running Vite. */
export function writeFakeDist(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'font-abc123.woff2'), 'wOF2');
  writeFileSync(join(dir, 'assets', 'logo-abc123.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install",()=>{})');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"kiosk"}');
  mkdirSync(join(dir, 'icons'), { recursive: true });
  writeFileSync(join(dir, 'icons', 'icon-192.png'), 'PNG');
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function startTestServer(options: Partial<ServerOptions> & { dir?: string } = {}): Promise<TestServer> {
  registerTestRequestType();
  const ownDir = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-server-'));
  const distDir = join(dir, 'dist');
  writeFakeDist(distDir);
  const server = await startServer({
    port: 0,
    dataDir: join(dir, 'data'),
    // The registry the test files fill (registerTestRequestType, and the forms where they import them).
    registry: requestTypeRegistry,
    enrollmentCode: ENROLLMENT_CODE,
    enrollmentCodeHours: 168,
    enrollmentCodeMaxUses: 100_000,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    distDir,
    log: silentLog,
    keyEncryption: { key: TEST_KEK.toString('base64') },
    // Most tests sign in as the first admin many times a minute, which a TOTP code (used once) cannot
    // follow; the tests of the admins' second factor pass adminSecondFactor: 'required'.
    adminSecondFactor: 'optional',
    ...options,
    limits: { ...RELAXED_LIMITS, ...options.limits },
  });

  const wellBehaved = (init: RequestInit = {}): RequestInit => {
    const headers = new Headers(init.headers);
    if (!headers.has('Origin')) headers.set('Origin', server.url);
    if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return { ...init, headers };
  };
  const request = async (path: string, init?: RequestInit) => reply(await fetch(server.url + path, wellBehaved(init)));
  const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  return {
    url: server.url,
    dir,
    loginHashes: server.loginHashes,
    request,
    async enroll(name = 'Kiosk 1', kind: 'kiosk' | 'tablet' = 'kiosk') {
      const r = await request('/api/v1/devices/enroll', postJson({ code: ENROLLMENT_CODE, name, kind }));
      if (r.status !== 201) throw new Error(`enroll answered ${r.status}: ${r.text}`);
      return r.json as EnrollResponse;
    },
    submit: (token, body) => request('/api/v1/submissions', postJson(body, { Authorization: `Bearer ${token}` })),
    async login(username = ADMIN.username, password = ADMIN.password) {
      const r = await fetch(server.url + '/api/v1/staff/login', wellBehaved(postJson({ username, password })));
      if (r.status !== 200) throw new Error(`login answered ${r.status}: ${await r.text()}`);
      return r.headers.getSetCookie()[0]!.split(';')[0]!;
    },
    staff: (cookie, path, init = {}) => request(`/api/v1/staff${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } }),
    async close() {
      await server.close();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
