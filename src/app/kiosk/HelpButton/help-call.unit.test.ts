import { describe, expect, it } from 'vitest';
import { HelpCalls, type HelpCallTarget } from './help-call.svelte.ts';

const enrolled: HelpCallTarget = async () => ({ url: 'https://server.example/api/v1/devices/help-calls', token: 'device-token' });
const answering = (status: number): typeof fetch => async () => new Response(null, { status });
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

describe('HelpCalls', () => {
  it('sends a call and says so', async () => {
    const calls = new HelpCalls(answering(201), enrolled);
    expect(await calls.call('/service/lost-key-card')).toBe('sent');
    expect(calls.pending).toBe(0);
  });

  it('keeps a call made offline, says it waits, and sends it once the network is back', async () => {
    let fetchImpl = offline;
    const calls = new HelpCalls((...args) => fetchImpl(...args), enrolled);
    expect(await calls.call('/')).toBe('queued');
    expect(calls.pending).toBe(1);
    fetchImpl = answering(201);
    await calls.flush();
    expect(calls.state).toBe('sent');
    expect(calls.pending).toBe(0);
    calls.reset();
  });

  it('waits like an offline call when the code that sends it cannot be loaded yet (offline, before the service worker holds it)', async () => {
    let target: HelpCallTarget = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const calls = new HelpCalls(answering(201), () => target());
    expect(await calls.call('/')).toBe('queued');
    expect(calls.pending).toBe(1);
    target = enrolled;
    await calls.flush();
    expect(calls.state).toBe('sent');
    calls.reset();
  });

  it('says so when the kiosk is not enrolled, and when the server refuses the call', async () => {
    expect(await new HelpCalls(answering(201), async () => undefined).call('/')).toBe('not-enrolled');
    expect(await new HelpCalls(answering(400), enrolled).call('/')).toBe('failed');
  });
});
