import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * The build writes .br and .gz copies beside the hashed text files under assets/; the server sends
 * the copy the browser accepts, and never a copy of a file that keeps its name (sw.js, index.html),
 * which a deployment or a test may replace without its copies.
 */
const SCRIPT = `console.log(${JSON.stringify('the start screen '.repeat(200))});`;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-precompressed-'));
  server = await startTestServer({ dir });
  const dist = join(dir, 'dist');
  writeFileSync(join(dist, 'assets', 'start-abc123.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'start-abc123.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dist, 'assets', 'start-abc123.js.gz'), gzipSync(SCRIPT));
  // Stale copies beside files that keep their name: must never be sent.
  writeFileSync(join(dist, 'sw.js.gz'), gzipSync('self.stale = true'));
  writeFileSync(join(dist, 'index.html.br'), brotliCompressSync('<title>stale</title>'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET that returns the body's raw bytes (Node's fetch would decode them). */
function rawBytes(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed assets', () => {
  it('sends the Brotli copy to a browser that accepts it, the same script once decoded', async () => {
    const r = await rawBytes('/assets/start-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers['cache-control']).toContain('immutable');
    expect(r.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts only gzip, and the file itself to one that accepts neither', async () => {
    const gzip = await rawBytes('/assets/start-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await rawBytes('/assets/start-abc123.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('never sends a compressed copy of a file that keeps its name', async () => {
    const sw = await rawBytes('/sw.js', { 'Accept-Encoding': 'gzip, br' });
    expect(sw.headers['content-encoding']).toBeUndefined();
    expect(sw.body.toString()).toBe('self.addEventListener("install",()=>{})');
    const page = await rawBytes('/', { 'Accept-Encoding': 'gzip, br', 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toContain('<title>kiosk</title>');
  });

  it('answers 404 for a missing asset even when a compressed copy of another name exists', async () => {
    const r = await rawBytes('/assets/start-abc123.js.br.js', { 'Accept-Encoding': 'br' });
    expect(r.status).toBe(404);
  });
});
