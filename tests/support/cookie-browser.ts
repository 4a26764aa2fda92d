import { createServer } from 'node:net';

/**
 * A minimal browser for sign-in tests: follows redirects across sites by hand and keeps each
 * host's cookies, as a real browser does between our server and the identity provider.
 */
export class CookieBrowser {
  readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jar.get(host);
    if (!jar) this.jar.set(host, (jar = new Map()));
    return jar;
  }

  cookieHeader(url: string): string {
    return [...this.cookies(url)].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request, storing what it sets; no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set('Cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (gone || value === '') this.cookies(url).delete(name);
      else this.cookies(url).set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url`; every hop's address and the final answer. */
  async navigate(url: string): Promise<{ hops: string[]; response: Response }> {
    const hops = [url];
    let response = await this.request(url);
    while (response.status >= 300 && response.status < 400 && hops.length < 20) {
      const next = new URL(response.headers.get('Location')!, hops.at(-1)).href;
      await response.body?.cancel();
      hops.push(next);
      response = await this.request(next);
    }
    return { hops, response };
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
