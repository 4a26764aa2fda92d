import type { MiddlewareHandler } from 'hono';

/**
 * When we answer before reading the request body (401, 429, 413), the client may still be sending
 * it, and the connection cannot carry another request until the rest has been drained; the Node
 * adapter gives up after 500 ms and drops the socket, under the client's next request. Saying
 * `Connection: close` makes the client open a fresh connection instead (nginx does the same for 413).
 */
export const closeUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  const length = c.req.header('Content-Length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('Transfer-Encoding') !== undefined;
  if (hasBody && (c.res.status === 413 || !c.req.raw.bodyUsed)) c.res.headers.set('Connection', 'close');
};
