import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

/** Slow and idle clients cannot hold the server: timeouts cut them, a cap refuses the excess. */
let server: TestServer;
const LIMITS = { headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, keepAliveTimeoutMs: 1_000, maxConnections: 4 };

beforeAll(async () => {
  server = await startTestServer({ connections: LIMITS });
}, 120_000);
afterAll(() => server?.close(), 60_000);

const port = () => Number(new URL(server.url).port);

/** Opens a socket and collects what the server sends until it closes the connection. */
function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(port(), '127.0.0.1');
    socket.setEncoding('utf8');
    socket.on('data', (d) => (received += d));
    socket.on('error', () => {});
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.once('connect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

describe('connection limits', { timeout: 60_000 }, () => {
  it('cuts a request whose body stalls, once the request timeout has passed', async () => {
    // A real device, so the server starts reading the body rather than refusing at once.
    const device = await server.enroll('Slow kiosk');
    const { socket, received, closed } = await open();
    socket.write(`POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${device.token}\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{"submissions":[`);
    const started = Date.now();
    await closed;
    // Cut by the server (408), not by the end of the test; and not before the configured time.
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 500);
  });

  it('closes a connection that never finishes its headers', async () => {
    const { socket, received, closed } = await open();
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { socket, received, closed } = await open();
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses connections beyond the cap, and serves again once one is free', async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open()));
    // The kernel completes the handshake; the server then drops the socket without reading it.
    const extra = await open();
    extra.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    // The server counts a closed socket as free on its next tick: retry until it serves.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await fetch(`${server.url}/api/health`).then((r) => r.status, () => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
