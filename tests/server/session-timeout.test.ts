import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STAFF_BACKGROUND_HEADER } from '#contract/staff.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Every sign-in costs an argon2 hash; on a loaded machine a test of several takes its time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** The clock the server measures sessions by, moved on instead of waiting. */
let offsetMs = 0;
const later = (minutes: number) => {
  offsetMs += minutes * 60_000;
};
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ sessionClock: () => Date.now() + offsetMs, staffIdleMinutes: 15, staffSessionHours: 8 });
}, 60_000);
afterAll(() => server.close());

const alive = async (cookie: string) => (await server.staff(cookie, '/session')).status === 200;

describe('back-office sessions', () => {
  it('end after 15 idle minutes', async () => {
    const cookie = await server.login();
    later(14);
    expect(await alive(cookie)).toBe(true);
    // That request was activity: 14 more minutes are fine, 16 after it are not.
    later(14);
    expect(await alive(cookie)).toBe(true);
    later(16);
    expect(await alive(cookie)).toBe(false);
  });

  it('answer the idle end, which moves on with activity', async () => {
    const cookie = await server.login();
    const first = Date.parse((await server.staff(cookie, '/session')).json.expiresAt);
    expect(first - (Date.now() + offsetMs)).toBeLessThanOrEqual(15 * 60_000);
    later(5);
    const second = Date.parse((await server.staff(cookie, '/session')).json.expiresAt);
    expect(second).toBeGreaterThanOrEqual(first + 4 * 60_000);
  });

  it('are not kept alive by what a screen left open does by itself: the event stream and the reads it sets off', async () => {
    const cookie = await server.login();
    later(10);
    // The live views' reads carry the background header; the event stream (and each reconnection) is background by itself.
    expect((await server.staff(cookie, '/help-calls', { headers: { [STAFF_BACKGROUND_HEADER]: '1' } })).status).toBe(200);
    expect((await server.staff(cookie, '/waiting', { headers: { [STAFF_BACKGROUND_HEADER]: '1' } })).status).toBe(200);
    const stream = new AbortController();
    const events = await fetch(`${server.url}/api/v1/staff/events`, { headers: { Cookie: cookie }, signal: stream.signal });
    expect(events.status).toBe(200);
    stream.abort();
    // 16 minutes after the last thing someone did: signed out, although the screen kept reading.
    later(6);
    expect(await alive(cookie)).toBe(false);
  });

  it('end 8 hours after sign-in however active', async () => {
    const cookie = await server.login();
    for (let i = 0; i < 34; i++) {
      later(14);
      if (!(await alive(cookie))) break;
    }
    // 34 × 14 minutes is 7 h 56 min: still in; the next step passes the 8 hours.
    expect(await alive(cookie)).toBe(true);
    later(14);
    expect(await alive(cookie)).toBe(false);
  }, 60_000);
});
