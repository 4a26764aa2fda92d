import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The P-256 multiplication of the key-agreement envelope on worker threads, off the main thread.
 * It is the largest share of the main thread's work per envelope once everything else is cut
 * (tests/bench/profile-ingest.ts); on its own thread it runs beside the HTTP, JSON and database
 * work of the same and the next batches, on another core. Jobs asked for in the same turn of the
 * event loop (a batch's envelopes are judged all at once) go to the workers as one message each.
 *
 * The worker is plain CommonJS evaluated from this string, so the server runs the same from
 * source (tsx), under the tests and bundled (esbuild), with no second entry point to ship.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createECDH, hkdfSync } = require('node:crypto');
const contexts = new Map();
parentPort.on('message', ({ id, keys, jobs }) => {
  for (const [handle, d] of keys) {
    if (contexts.has(handle)) continue;
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(d.buffer, d.byteOffset, d.byteLength));
    contexts.set(handle, ecdh);
  }
  const results = jobs.map(({ handle, point, info }) => {
    let secret;
    try {
      // OpenSSL refuses a point that is not on P-256 before any multiplication.
      secret = contexts.get(handle).computeSecret(Buffer.from(point.buffer, point.byteOffset, point.byteLength));
    } catch {
      return null;
    }
    return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), info, 32));
  });
  parentPort.postMessage({ id, results });
});
`;

export interface AgreementJob {
  /** The server key's scalar d (32 bytes) and a number naming it for the worker's cache. */
  handle: number;
  d: Uint8Array;
  /** The ephemeral public key, an uncompressed P-256 point (checked by the caller). */
  point: Uint8Array;
  /** HKDF-SHA-256's info. */
  info: Uint8Array;
}

/** The AES-256 key, or null when the point is not on the curve. */
type Result = Uint8Array | null;

interface Pending {
  jobs: AgreementJob[];
  settle: { resolve: (r: Result) => void; reject: (e: unknown) => void }[];
}

/** Worker threads beside the main one: one fewer than the cores, at least one, at most four. */
export function agreementWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

class AgreementWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly inFlight = new Map<number, Pending['settle']>();

  run(keys: [number, Uint8Array][], jobs: AgreementJob[], settle: Pending['settle']): void {
    const worker = this.started();
    const id = this.nextId++;
    this.inFlight.set(id, settle);
    worker.ref();
    worker.postMessage({ id, keys, jobs: jobs.map(({ handle, point, info }) => ({ handle, point, info })) });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, results }: { id: number; results: Result[] }) => {
      const settle = this.inFlight.get(id);
      this.inFlight.delete(id);
      settle?.forEach((s, i) => s.resolve(results[i] ?? null));
      // An idle worker does not keep the process alive (tests, shutdown).
      if (this.inFlight.size === 0) worker.unref();
    });
    const fail = (error: unknown) => {
      // A worker that died takes its jobs with it: they fail (the request answers 500 and the device
      // sends again), and the next jobs start a new worker.
      if (this.worker === worker) this.worker = undefined;
      for (const settle of this.inFlight.values()) for (const s of settle) s.reject(error);
      this.inFlight.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`ecdh-pool: the worker exited (${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

export interface AgreementPool {
  agree(job: AgreementJob): Promise<Result>;
}

/** Collects the jobs of one turn of the event loop and shares them out over the workers. */
export function agreementPool(size = agreementWorkers()): AgreementPool {
  const workers = Array.from({ length: size }, () => new AgreementWorker());
  let pending: Pending | undefined;
  let next = 0;
  const flush = () => {
    const { jobs, settle } = pending!;
    pending = undefined;
    const per = Math.ceil(jobs.length / workers.length);
    for (let start = 0; start < jobs.length; start += per) {
      const part = jobs.slice(start, start + per);
      const keys = new Map<number, Uint8Array>();
      for (const j of part) keys.set(j.handle, j.d);
      workers[next++ % workers.length]!.run([...keys], part, settle.slice(start, start + per));
    }
  };
  return {
    agree(job) {
      return new Promise<Result>((resolve, reject) => {
        if (!pending) {
          pending = { jobs: [], settle: [] };
          setImmediate(flush);
        }
        pending.jobs.push(job);
        pending.settle.push({ resolve, reject });
      });
    },
  };
}
