import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy in front of the real server, through which the browser loads the whole app:
 * the app's CSP allows only 'self', so the proxy has to be the origin. It forwards everything, and
 * can break POST /api/v1/submissions the ways a network and a server break in the field:
 *
 * - 'fail-500'           answer 500 without forwarding (the server never saw the batch)
 * - 'rate-limit'         answer 429 with Retry-After (retryAfterSeconds), without forwarding
 * - 'drop-after-commit'  forward, read the server's whole answer (it has committed by then), then
 *                        destroy the client's socket: the device never learns that it was stored
 * - 'reset'              destroy the client's socket without forwarding
 *
 * While the server is down every request gets a 502 (or a connection reset, see `whenDown`).
 */

export type Fault = 'pass' | 'fail-500' | 'rate-limit' | 'drop-after-commit' | 'reset';

export interface ItemResult {
  id: string;
  status: string;
  reference?: string;
}

/** One POST /api/v1/submissions as the proxy saw it. */
export interface SubmissionCall {
  /** Epoch ms when the request reached the proxy. */
  at: number;
  /** Envelope ids in the request body, in order. */
  ids: string[];
  fault: Fault;
  /** The server's status, when it was forwarded and answered; 502 when it was down. */
  upstreamStatus?: number;
  /** The server's per-item answer, also when the proxy then dropped it. */
  results?: ItemResult[];
}

const SUBMISSIONS = '/api/v1/submissions';

export class ChaosProxy {
  /** Faults for the next submission requests, first in first used; they win over `chooser`. */
  private readonly queued: Fault[] = [];
  /** Picks a fault for each submission request when none is queued (the chaos test's dice). */
  chooser: ((call: SubmissionCall) => Fault) | undefined;
  retryAfterSeconds = 2;
  /** What a request gets while the server is down. */
  whenDown: '502' | 'reset' = '502';
  readonly calls: SubmissionCall[] = [];
  /** Called once a submission request has been sent on to the server (to kill it mid-batch, say). */
  onForwarded: ((call: SubmissionCall) => void) | undefined;

  private constructor(
    private readonly server: Server,
    private readonly targetPort: number,
  ) {}

  static async start(targetPort: number): Promise<ChaosProxy> {
    const server = createServer();
    const proxy = new ChaosProxy(server, targetPort);
    server.on('request', (req, res) => void proxy.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The origin the browser loads the app from: 127.0.0.1 is a secure context, so service workers run. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  injectNext(...faults: Fault[]): void {
    this.queued.push(...faults);
  }

  /** The submission requests that carried this envelope id, in order. */
  callsFor(id: string): SubmissionCall[] {
    return this.calls.filter((call) => call.ids.includes(id));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req).catch(() => undefined);
    if (!body) return void req.socket.destroy();
    const isSubmission = req.method === 'POST' && req.url?.split('?')[0] === SUBMISSIONS;
    if (!isSubmission) {
      const upstream = await this.forward(req, body);
      if (!upstream) return this.down(req, res);
      return respond(res, upstream);
    }

    const call: SubmissionCall = { at: Date.now(), ids: envelopeIds(body), fault: 'pass' };
    call.fault = this.queued.shift() ?? this.chooser?.(call) ?? 'pass';
    this.calls.push(call);
    switch (call.fault) {
      case 'fail-500':
        return json(res, 500, { error: { code: 'injected', message: 'chaos-proxy: injected 500' } });
      case 'rate-limit':
        return json(res, 429, { error: { code: 'rate_limited', message: 'chaos-proxy: injected 429' } }, { 'retry-after': String(this.retryAfterSeconds) });
      case 'reset':
        return void req.socket.destroy();
      case 'pass':
      case 'drop-after-commit': {
        const answered = this.forward(req, body);
        this.onForwarded?.(call);
        const upstream = await answered;
        if (!upstream) {
          call.upstreamStatus = 502;
          return this.down(req, res);
        }
        call.upstreamStatus = upstream.status;
        call.results = itemResults(upstream.body);
        // The server answered, so it has committed; the device must still never hear of it.
        if (call.fault === 'drop-after-commit') return void req.socket.destroy();
        return respond(res, upstream);
      }
    }
  }

  private down(req: IncomingMessage, res: ServerResponse): void {
    if (this.whenDown === 'reset') return void req.socket.destroy();
    json(res, 502, { error: { code: 'bad_gateway', message: 'chaos-proxy: the server is down' } });
  }

  /** The server's whole answer, or undefined when it cannot be reached (down, or killed mid-request). */
  private forward(req: IncomingMessage, body: Buffer): Promise<Upstream | undefined> {
    return new Promise((resolve) => {
      const headers = { ...req.headers, host: `127.0.0.1:${this.targetPort}` };
      const upstream = httpRequest({ host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers, agent: false }, (response) => {
        readAll(response).then(
          (data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }),
          () => resolve(undefined),
        );
      });
      upstream.once('error', () => resolve(undefined));
      upstream.end(body);
    });
  }
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function respond(res: ServerResponse, upstream: Upstream): void {
  const headers = { ...upstream.headers };
  // The body is sent whole, so its length is known; a chunked header from the server would be wrong now.
  delete headers['transfer-encoding'];
  headers['content-length'] = String(upstream.body.length);
  res.writeHead(upstream.status, headers);
  res.end(upstream.body);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.once('aborted', () => reject(new Error('aborted')));
  });
}

function envelopeIds(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { submissions?: { id?: unknown }[] };
    return (parsed.submissions ?? []).map((s) => String(s?.id));
  } catch {
    return [];
  }
}

function itemResults(body: Buffer): ItemResult[] | undefined {
  try {
    return (JSON.parse(body.toString('utf8')) as { results?: ItemResult[] }).results;
  } catch {
    return undefined;
  }
}
