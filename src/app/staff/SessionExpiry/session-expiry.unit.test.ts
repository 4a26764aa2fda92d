import { describe, expect, it, vi } from 'vitest';
import { SessionExpiry, WARNING_MS } from './session-expiry.svelte.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function setUp(idleMinutes = 15, hours = 8) {
  let now = T0;
  const ended = vi.fn();
  const io = {
    now: () => now,
    ping: vi.fn(async () => ({ username: 'a', role: 'admin' as const, expiresAt: new Date(now + idleMinutes * MIN).toISOString(), absoluteExpiresAt: new Date(T0 + hours * 60 * MIN).toISOString(), idleSeconds: idleMinutes * 60 })),
    logout: vi.fn(async () => undefined),
    ended,
  };
  const expiry = new SessionExpiry(io);
  expiry.update({ expiresAt: new Date(T0 + idleMinutes * MIN).toISOString(), absoluteExpiresAt: new Date(T0 + hours * 60 * MIN).toISOString(), idleSeconds: idleMinutes * 60 });
  const at = (ms: number) => {
    now = T0 + ms;
    expiry.tick();
  };
  return { expiry, io, ended, at };
}

describe('the back office’s session-expiry warning', () => {
  it('warns two minutes before the idle end, counts down, and ends the session at the end', () => {
    const { expiry, ended, at } = setUp();
    at(12 * MIN);
    expect(expiry.warning).toBe('none');
    at(13 * MIN + 1000);
    expect(expiry.warning).toBe('idle');
    expect(expiry.secondsLeft).toBe(119);
    at(15 * MIN);
    expect(ended).toHaveBeenCalledWith('expired');
    at(15 * MIN + 1000);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('"stay signed in" pings the server and takes the new idle end', async () => {
    const { expiry, io, at } = setUp();
    at(14 * MIN);
    expect(expiry.warning).toBe('idle');
    await expiry.stay();
    expect(io.ping).toHaveBeenCalledOnce();
    expect(expiry.warning).toBe('none');
    expect(expiry.idleEnd).toBe(T0 + 29 * MIN);
  });

  it('every answered request moves the idle end on, counting from a minute earlier (the server writes by the minute)', () => {
    const { expiry, at } = setUp();
    expiry.activity(T0 + 10 * MIN);
    expect(expiry.idleEnd).toBe(T0 + 24 * MIN);
    at(20 * MIN);
    expect(expiry.warning).toBe('none');
    at(22 * MIN);
    expect(expiry.warning).toBe('idle');
  });

  it('a session that has ended on the server goes back to the login', async () => {
    const { expiry, io, ended, at } = setUp();
    io.ping.mockResolvedValueOnce(undefined as never);
    at(14 * MIN);
    await expiry.stay();
    expect(ended).toHaveBeenCalledWith('expired');
  });

  it('before the absolute end there is no "stay": the warning can only be closed', () => {
    const { expiry, at, ended } = setUp(15, 1);
    // Active all along: the idle end is pushed past the absolute end, which caps it.
    expiry.activity(T0 + 57 * MIN);
    expect(expiry.idleEnd).toBe(T0 + 60 * MIN);
    at(60 * MIN - WARNING_MS + 1000);
    expect(expiry.warning).toBe('absolute');
    expiry.dismiss();
    expect(expiry.warning).toBe('none');
    at(60 * MIN);
    expect(ended).toHaveBeenCalledWith('expired');
  });

  it('an unreachable server keeps the warning up and says so', async () => {
    const { expiry, io, at } = setUp();
    io.ping.mockRejectedValueOnce(new Error('offline'));
    at(14 * MIN);
    await expiry.stay();
    expect(expiry.failed).toBe(true);
    expect(expiry.warning).toBe('idle');
  });

  it('log out ends here whatever the server answers', async () => {
    const { expiry, io, ended } = setUp();
    io.logout.mockRejectedValueOnce(new Error('offline'));
    await expiry.logOut();
    expect(ended).toHaveBeenCalledWith('logged_out');
  });
});
