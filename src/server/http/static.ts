import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Log } from '../log.ts';

/** Vite puts content-hashed files under /assets: a new build gives new names, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest) keeps its name across builds: always revalidate. */
const REVALIDATE = 'no-cache';

/** A last segment with an extension names a file; without one it is a route of the single-page app. */
const looksLikeFile = (path: string) => /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));

/** A page load: Sec-Fetch-Mode navigate, or (older clients, curl) a GET that accepts HTML. */
const isNavigation = (c: Context) => {
  const mode = c.req.header('Sec-Fetch-Mode');
  if (mode) return mode === 'navigate';
  return /text\/html|\*\/\*/.test(c.req.header('Accept') ?? '*/*');
};

/**
 * Serves the built PWA from distDir, with the SPA fallback: a GET for a route such as
 * /service/complaint answers index.html so that deep links and reloads work. A missing file that
 * looks like a file (/assets/old-hash.js, /favicon.ico) answers 404 rather than HTML, so that the
 * service worker never caches a page under a script's name. Mount it after the API routes.
 */
export function staticFiles(distDir: string, log: Log): MiddlewareHandler {
  const indexHtml = join(distDir, 'index.html');
  // Checked per request (one stat) so that a server started before `npm run build` recovers by itself.
  let built = existsSync(indexHtml);
  if (!built) log('warn', 'dist_missing', { distDir, hint: 'the PWA is not built: run `npm run build`; the API works meanwhile' });

  // Made once dist/ exists: serveStatic complains on the console about a missing root otherwise.
  let handlers: { assets: MiddlewareHandler; files: MiddlewareHandler; index: MiddlewareHandler } | undefined;

  return async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) return next();
    if (!built && !(built = existsSync(indexHtml))) {
      return c.text('The PWA is not built yet: run `npm run build`, then reload. The API works meanwhile.\n', 503, { 'Cache-Control': REVALIDATE });
    }
    const { assets, files, index } = (handlers ??= {
      // The build writes .br and .gz copies beside the hashed text files under assets/ only
      // (src/app/build/precompress-plugin.ts): sent to a browser that accepts them. Files that keep
      // their name are always sent as they are, so a stale copy beside one is never served.
      assets: serveStatic({ root: distDir, precompressed: true }),
      files: serveStatic({ root: distDir }),
      index: serveStatic({ root: distDir, path: 'index.html' }),
    });
    let missing = false;
    const markMissing = async () => { missing = true; };
    let res = (await (path.startsWith('/assets/') ? assets : files)(c, markMissing)) as Response | undefined;
    if (missing || !res) {
      // index.html only for a page the browser navigates to: never under /assets (whose answers are
      // cached for a year) nor for a script's fetch, so a wrong URL is a 404, not cached HTML.
      if (looksLikeFile(path) || path.startsWith('/assets/') || !isNavigation(c)) return c.text('Not found\n', 404, { 'Cache-Control': REVALIDATE });
      res = (await index(c, markMissing)) as Response | undefined;
      if (!res) return next();
    }
    res.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    // Whether or not this answer was compressed, a cache must not hand it to a client that asked
    // with other encodings.
    if (path.startsWith('/assets/')) res.headers.set('Vary', 'Accept-Encoding');
    return res;
  };
}
