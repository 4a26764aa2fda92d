import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response, static files and API alike. The CSP allows nothing but our own
 * origin: no inline script or style (the Vite build emits none), no eval, no third-party hosts. A
 * kiosk that loads a script from elsewhere is a kiosk that can be made to send citizen data elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

const secure = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

/** Every document but the back office's: no camera, microphone or location for anyone. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=()';
/** The back office's pages: the camera for this origin only, to scan a receipt's QR code in the search. */
export const STAFF_PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=()';

/** `/staff` and below: the back office's pages (never `/staffroom`, never the API). */
export const isStaffPage = (path: string) => path === '/staff' || path.startsWith('/staff/');

/**
 * The headers above on every response; on the back office's pages the camera is allowed for this
 * origin, while the kiosk's and tablet's pages keep it refused. The service worker leaves those
 * navigations to the network (src/sw/sw.ts), so the page always carries this header rather than
 * the cached shell's.
 */
export const securityHeaders = (): MiddlewareHandler => {
  const headers = secure();
  return async (c, next) => {
    await headers(c, next);
    if (isStaffPage(c.req.path)) c.res.headers.set('Permissions-Policy', STAFF_PERMISSIONS_POLICY);
  };
};
