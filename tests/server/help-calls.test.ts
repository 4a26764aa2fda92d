import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

/** Reads server-sent events from a staff stream until `until` accepts one (no time budget: the test's timeout bounds it). */
async function openEvents(server: TestServer, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(server.url + '/api/v1/staff/events', { headers: { Cookie: cookie }, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: { event: string; data: string }[] = [];
  async function next(until: (e: { event: string; data: string }) => boolean) {
    for (;;) {
      const found = events.find(until);
      if (found) return found;
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, data: data ?? '' });
      }
    }
  }
  return { res, next, close: () => controller.abort() };
}

describe('help calls from a kiosk to the back office', { timeout: 60_000 }, () => {
  let server: TestServer;
  let admin: string;
  const call = (token: string, body: unknown) =>
    server.request('/api/v1/devices/help-calls', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
  }, 60_000);
  afterAll(() => server?.close());

  it('delivers a kiosk’s call to an open staff event stream with the kiosk’s name and screen, and lists it until handled', async () => {
    const kiosk = await server.enroll('Kiosk ved indgangen');
    const stream = await openEvents(server, admin);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    await stream.next((e) => e.event === 'ready');
    const id = crypto.randomUUID();
    const sent = await call(kiosk.token, { id, route: '/service/complaint', calledAt: new Date().toISOString() });
    expect(sent.status).toBe(201);
    const event = await stream.next((e) => e.event === 'help-call');
    expect(JSON.parse(event.data)).toMatchObject({ id, deviceName: 'Kiosk ved indgangen', route: '/service/complaint', handledAt: null });

    // A retry of the same call (its answer was lost) is stored once and not announced again.
    expect((await call(kiosk.token, { id, route: '/service/complaint', calledAt: new Date().toISOString() })).status).toBe(200);
    const open = await server.staff(admin, '/help-calls');
    expect(open.json.helpCalls.filter((c: { id: string }) => c.id === id)).toHaveLength(1);

    const handled = await server.staff(admin, `/help-calls/${id}/handle`, { method: 'POST' });
    expect(handled.status).toBe(200);
    expect(handled.json.handledBy).toBe('admin');
    expect(JSON.parse((await stream.next((e) => e.event === 'help-call-handled')).data).id).toBe(id);
    expect((await server.staff(admin, `/help-calls/${id}/handle`, { method: 'POST' })).status).toBe(404);
    expect((await server.staff(admin, '/help-calls')).json.helpCalls.some((c: { id: string }) => c.id === id)).toBe(false);
    const audit = await server.staff(admin, '/audit?action=handle_help_call');
    expect(audit.status).toBe(200);
    expect(audit.json.entries.some((e: { target: string }) => e.target === id)).toBe(true);
    stream.close();
  });

  it('keeps the age of a call queued offline, but never dates it in the future or more than a day back', async () => {
    const kiosk = await server.enroll('Kiosk offline');
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000).toISOString();
    const old = await call(kiosk.token, { id: crypto.randomUUID(), route: '/', calledAt: threeMinutesAgo });
    expect(old.json.calledAt).toBe(threeMinutesAgo);
    const future = await call(kiosk.token, { id: crypto.randomUUID(), route: '/', calledAt: '2099-01-01T00:00:00.000Z' });
    expect(Date.parse(future.json.calledAt)).toBeLessThanOrEqual(Date.now());
    const ancient = await call(kiosk.token, { id: crypto.randomUUID(), route: '/', calledAt: '2000-01-01T00:00:00.000Z' });
    expect(Date.now() - Date.parse(ancient.json.calledAt)).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
  });

  it('refuses calls without a device token, with anything but a route, or reusing another kiosk’s id', async () => {
    const kiosk = await server.enroll('Kiosk strict');
    const other = await server.enroll('Kiosk other');
    const good = { id: crypto.randomUUID(), route: '/', calledAt: new Date().toISOString() };
    expect((await server.request('/api/v1/devices/help-calls', { method: 'POST', body: JSON.stringify(good) })).status).toBe(401);
    // The staff cookie is no device token.
    expect((await server.request('/api/v1/devices/help-calls', { method: 'POST', body: JSON.stringify(good), headers: { Cookie: admin } })).status).toBe(401);
    for (const bad of [
      { ...good, cpr: '0101011234' },
      { ...good, route: '/service/x?cpr=0101011234' },
      { ...good, route: 'https://evil.example/' },
      { ...good, route: '/' + 'a'.repeat(300) },
      { ...good, id: 'not-a-uuid' },
      { ...good, calledAt: 'yesterday' },
      'not json',
    ]) {
      const r = await call(kiosk.token, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call(kiosk.token, good)).status).toBe(201);
    expect((await call(other.token, good)).status).toBe(409);
  });

  it('the event stream and the lists need a staff session', async () => {
    expect((await server.request('/api/v1/staff/events')).status).toBe(401);
    expect((await server.request('/api/v1/staff/help-calls')).status).toBe(401);
    expect((await server.request('/api/v1/staff/waiting')).status).toBe(401);
    const kiosk = await server.enroll('Kiosk token');
    expect((await server.request('/api/v1/staff/events', { headers: { Authorization: `Bearer ${kiosk.token}` } })).status).toBe(401);
  });
});

describe('queue tickets', { timeout: 60_000 }, () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
  }, 60_000);
  afterAll(() => server?.close());
  const take = (token: string) => server.request('/api/v1/devices/queue-tickets', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });

  it('numbers the day’s tickets from 1 without gaps or repeats across kiosks taking them at once, and calls the lowest first (audited)', async () => {
    const a = await server.enroll('Kiosk A');
    const b = await server.enroll('Kiosk B');
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => take(i % 2 ? a.token : b.token)));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(replies.map((r) => r.json.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const waiting = await server.staff(admin, '/waiting');
    expect(waiting.json.tickets.map((t: { number: number }) => t.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(waiting.json.tickets.map((t: { deviceName: string }) => t.deviceName))).toEqual(new Set(['Kiosk A', 'Kiosk B']));

    const first = await server.staff(admin, '/waiting/call-next', { method: 'POST' });
    expect(first.json).toMatchObject({ number: 1, calledBy: 'admin' });
    expect((await server.staff(admin, '/waiting/call-next', { method: 'POST' })).json.number).toBe(2);
    const audit = await server.staff(admin, '/audit?action=call_next_ticket');
    expect(audit.json.entries.map((e: { detail: { number: number } }) => e.detail.number).sort()).toEqual([1, 2]);
  });
});
