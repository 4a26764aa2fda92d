import { describe, expect, it } from 'vitest';
import { ssoOffered, ssoReturned, staffFromSsoSession } from './sso-return.ts';

/** A stand-in for the network (not for our code): answers by path and records what was asked. */
function network(answers: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    asked.push(`${init?.method ?? 'GET'} ${path}`);
    const answer = answers[path];
    if (!answer) throw new TypeError('offline');
    return answer();
  }) as typeof fetch;
  return { asked, fetcher };
}

describe('the tablet back from the organisation’s login', () => {
  it('knows the return only by ?sso=1', () => {
    expect(ssoReturned('?sso=1')).toBe(true);
    expect(ssoReturned('')).toBe(false);
    expect(ssoReturned('?sso=0')).toBe(false);
  });

  it('takes who signed in from the session, then ends that session', async () => {
    const { asked, fetcher } = network({
      '/api/v1/staff/session': () => Response.json({ username: 'sso-abc', role: 'caseworker', expiresAt: 'x' }),
      '/api/v1/staff/logout': () => new Response(null, { status: 204 }),
    });
    expect(await staffFromSsoSession(fetcher)).toEqual({ username: 'sso-abc', role: 'caseworker' });
    expect(asked).toEqual(['GET /api/v1/staff/session', 'POST /api/v1/staff/logout']);
  });

  it('keeps the name the organisation gave, for a shared tablet\'s "who are you?"', async () => {
    const { fetcher } = network({
      '/api/v1/staff/session': () => Response.json({ username: 'sso-abc', role: 'caseworker', displayName: ' Mette Jensen ', expiresAt: 'x' }),
      '/api/v1/staff/logout': () => new Response(null, { status: 204 }),
    });
    expect(await staffFromSsoSession(fetcher)).toEqual({ username: 'sso-abc', role: 'caseworker', displayName: 'Mette Jensen' });
  });

  it('answers nobody without a session, with an odd answer, or offline, and still ends any session', async () => {
    const none = network({ '/api/v1/staff/session': () => Response.json({}, { status: 401 }), '/api/v1/staff/logout': () => new Response(null, { status: 204 }) });
    expect(await staffFromSsoSession(none.fetcher)).toBeUndefined();
    expect(none.asked).toContain('POST /api/v1/staff/logout');
    const odd = network({ '/api/v1/staff/session': () => Response.json({ username: 'x', role: 'root' }), '/api/v1/staff/logout': () => new Response(null, { status: 204 }) });
    expect(await staffFromSsoSession(odd.fetcher)).toBeUndefined();
    expect(await staffFromSsoSession(network({}).fetcher)).toBeUndefined();
  });

  it('offers the organisation’s login only when the server says so', async () => {
    expect(await ssoOffered(network({ '/api/v1/staff/sso': () => Response.json({ enabled: true }) }).fetcher)).toBe(true);
    expect(await ssoOffered(network({ '/api/v1/staff/sso': () => Response.json({ enabled: false }) }).fetcher)).toBe(false);
    expect(await ssoOffered(network({}).fetcher)).toBe(false);
  });
});
