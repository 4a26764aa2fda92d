import { describe, expect, it, vi } from 'vitest';

// The outbox's device record, as the first press loads it; `loads` says whether its code can be
// loaded at all (offline before the service worker holds it, it cannot).
const outbox = { loads: true, enrolled: true };
const outboxDevice = () => {
  if (!outbox.loads) throw new TypeError('Failed to fetch dynamically imported module');
  return {
    apiUrl: (base: string, path: string) => base + path,
    readDevice: async () => (outbox.enrolled ? { serverUrl: 'https://server.example', token: 'device-token' } : undefined),
  };
};

const answering = (status: number): typeof fetch => async () => new Response(null, { status });
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

/** A fresh module each time, so that whether the outbox's code loads is decided per test. */
async function helpCallsWith(fetchImpl: typeof fetch) {
  vi.resetModules();
  vi.doMock('#outbox/device.ts', outboxDevice);
  const { HelpCalls } = await import('./help-call.svelte.ts');
  return new HelpCalls(fetchImpl);
}

describe('HelpCalls', () => {
  it('sends a call and says so', async () => {
    const calls = await helpCallsWith(answering(201));
    expect(await calls.call('/service/lost-key-card')).toBe('sent');
    expect(calls.pending).toBe(0);
  });

  it('keeps a call made offline, says it waits, and sends it once the network is back', async () => {
    let fetchImpl = offline;
    const calls = await helpCallsWith((...args) => fetchImpl(...args));
    expect(await calls.call('/')).toBe('queued');
    expect(calls.pending).toBe(1);
    fetchImpl = answering(201);
    await calls.flush();
    expect(calls.state).toBe('sent');
    expect(calls.pending).toBe(0);
  });

  it('waits like an offline call when the code that sends it cannot be loaded (offline, before the service worker holds it)', async () => {
    outbox.loads = false;
    try {
      const calls = await helpCallsWith(answering(201));
      expect(await calls.call('/')).toBe('queued');
      expect(calls.pending).toBe(1);
    } finally {
      outbox.loads = true;
    }
  });

  it('says so when the kiosk is not enrolled, and when the server refuses the call', async () => {
    outbox.enrolled = false;
    try {
      expect(await (await helpCallsWith(answering(201))).call('/')).toBe('not-enrolled');
    } finally {
      outbox.enrolled = true;
    }
    expect(await (await helpCallsWith(answering(400))).call('/')).toBe('failed');
  });
});
