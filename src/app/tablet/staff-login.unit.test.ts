import { describe, expect, it, vi } from 'vitest';
import { LoginError, verifyStaff } from './staff-login.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('verifyStaff', () => {
  it('answers who signed in and logs out of the server session at once', async () => {
    const fetcher = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/login') ? json(200, { username: 'anna', role: 'caseworker', expiresAt: 'x' }) : new Response(null, { status: 204 }),
    );
    await expect(verifyStaff('anna', 'secret', fetcher as typeof fetch)).resolves.toEqual({ username: 'anna', role: 'caseworker' });
    expect(fetcher.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/staff/login', '/api/v1/staff/logout']);
  });

  it.each([
    [401, 'invalid'],
    [429, 'tooMany'],
    [500, 'failed'],
  ] as const)('maps status %i to %s', async (status, reason) => {
    const fetcher = vi.fn(async () => json(status, { error: { code: 'x', message: 'y' } }));
    await expect(verifyStaff('anna', 'secret', fetcher as typeof fetch)).rejects.toMatchObject({ reason });
  });

  it('says so when the account is deactivated, not "try again"', async () => {
    const fetcher = vi.fn(async () => json(403, { error: { code: 'account_disabled', message: 'y' } }));
    await expect(verifyStaff('mette', 'secret', fetcher as typeof fetch)).rejects.toMatchObject({ reason: 'disabled' });
  });

  it('says offline when the request cannot be made', async () => {
    const fetcher = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await verifyStaff('anna', 'secret', fetcher as typeof fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).reason).toBe('offline');
  });

  it('refuses an answer without a known role', async () => {
    const fetcher = vi.fn(async () => json(200, { username: 'anna', role: 'root' }));
    await expect(verifyStaff('anna', 'secret', fetcher as typeof fetch)).rejects.toMatchObject({ reason: 'failed' });
  });
});
