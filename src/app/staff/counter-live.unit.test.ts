import { describe, expect, it, vi } from 'vitest';
import type { HelpCall } from '#contract/counter.ts';
import { ageText, CounterLive, screenLabel } from './counter-live.svelte.ts';

describe('the age of a help call', () => {
  const now = Date.parse('2026-03-02T09:10:00.000Z');
  it('reads as Danish and English staff say it', () => {
    expect(ageText('2026-03-02T09:07:00.000Z', now, 'da', 'lige nu')).toBe('for 3 minutter siden');
    expect(ageText('2026-03-02T09:07:00.000Z', now, 'en', 'just now')).toBe('3 minutes ago');
    expect(ageText('2026-03-02T09:09:00.000Z', now, 'da', 'lige nu')).toBe('for 1 minut siden');
    expect(ageText('2026-03-02T07:00:00.000Z', now, 'da', 'lige nu')).toBe('for 2 timer siden');
  });
  it('says "just now" under a minute, and never shows a call from a fast kiosk clock as in the future', () => {
    expect(ageText('2026-03-02T09:09:30.000Z', now, 'da', 'lige nu')).toBe('lige nu');
    expect(ageText('2026-03-02T09:15:00.000Z', now, 'en', 'just now')).toBe('just now');
  });
});

describe('the screen a help call came from', () => {
  const t = (key: string) => ({ 'staff:counter.screens.start': 'startskærmen', 'services:complaint.title': 'Klage' })[key] ?? `⟦${key}⟧`;
  it('is named as staff know it, and an unknown route is shown as it is', () => {
    expect(screenLabel('/', t)).toBe('startskærmen');
    expect(screenLabel('/service/complaint', t)).toBe('Klage');
    expect(screenLabel('/service/unknown', t)).toBe('/service/unknown');
    expect(screenLabel('/tilgaengelighed', t)).toBe('/tilgaengelighed');
  });
});

describe('the live link to the kiosks', () => {
  const call = (id: string, calledAt: string): HelpCall => ({
    id, deviceId: 'kiosk-1', deviceName: 'Kiosk 1', route: '/', calledAt, receivedAt: calledAt, handledAt: null, handledBy: null,
  });

  function setUp() {
    const listeners = new Map<string, (event: { data?: string }) => void>();
    const stream = { addEventListener: vi.fn((name: string, listener: (event: { data?: string }) => void) => listeners.set(name, listener)), close: vi.fn() };
    const api = {
      listHelpCalls: vi.fn(async () => ({ helpCalls: [call('a', '2026-03-02T09:00:00.000Z')], now: '2000-01-01T00:00:00.000Z' })),
      handleHelpCall: vi.fn(async (id: string) => ({ ...call(id, '2026-03-02T09:00:00.000Z'), handledAt: '2026-03-02T09:05:00.000Z', handledBy: 'mette' })),
      events: vi.fn(() => stream as unknown as EventSource),
      alert: vi.fn(),
    };
    const live = new CounterLive(api);
    const send = (name: string, data?: unknown) => listeners.get(name)!({ data: data === undefined ? undefined : JSON.stringify(data) });
    return { api, live, stream, send };
  }

  it('reads the open calls afresh on every (re)connection, and opens one stream only', async () => {
    const { api, live, send } = setUp();
    live.connect();
    live.connect();
    expect(api.events).toHaveBeenCalledTimes(1);
    send('ready');
    await vi.waitFor(() => expect(live.helpCalls.map((c) => c.id)).toEqual(['a']));
    expect(live.connected).toBe(true);
    live.reset();
  });

  it('adds a new call oldest first with one alert, and removes a call someone answered', () => {
    const { api, live, send } = setUp();
    live.connect();
    const version = live.queueVersion;
    send('help-call', call('b', '2026-03-02T09:02:00.000Z'));
    send('help-call', call('c', '2026-03-02T09:01:00.000Z'));
    send('help-call', call('b', '2026-03-02T09:02:00.000Z'));
    expect(live.helpCalls.map((c) => c.id)).toEqual(['c', 'b']);
    expect(api.alert).toHaveBeenCalledTimes(2);
    send('help-call-handled', { id: 'c' });
    send('queue-changed');
    expect(live.helpCalls.map((c) => c.id)).toEqual(['b']);
    expect(live.queueVersion).toBe(version + 5);
    live.reset();
  });

  it('"Jeg kommer" removes the call even when someone else answered first; reset closes the stream', async () => {
    const { api, live, stream, send } = setUp();
    live.connect();
    send('help-call', call('b', '2026-03-02T09:02:00.000Z'));
    api.handleHelpCall.mockRejectedValueOnce(new Error('already handled'));
    await live.handle('b');
    expect(live.helpCalls).toEqual([]);
    live.reset();
    expect(stream.close).toHaveBeenCalledTimes(1);
    expect(live).toMatchObject({ helpCalls: [], connected: false });
  });
});
