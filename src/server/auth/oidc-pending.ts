import { randomToken } from '../crypto/tokens.ts';

/** What the server remembers between sending a browser to the provider and its return. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** Where the browser goes after signing in: the back office or the tablet. */
  returnTo: 'staff' | 'tablet';
  expiresAt: number;
}

/**
 * Sign-ins under way, kept in this process's memory under a random id that only the starting
 * browser holds (in an HttpOnly cookie): the PKCE verifier and nonce never leave the server, a
 * callback from another browser finds nothing, and each entry is used once. Ten minutes is ample
 * to type a password and a second factor. Several server processes behind one address need
 * sticky sessions for the few seconds of a sign-in.
 */
export class PendingSignIns {
  readonly #entries = new Map<string, PendingSignIn>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
  ) {}

  add(entry: Omit<PendingSignIn, 'expiresAt'>, now = Date.now()): string {
    this.#sweep(now);
    // A flood of started sign-ins must not grow memory without end: the oldest give way.
    while (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    const id = randomToken();
    this.#entries.set(id, { ...entry, expiresAt: now + this.ttlMs });
    return id;
  }

  /** The entry, removed so that it cannot be used twice; undefined when unknown or expired. */
  take(id: string, now = Date.now()): PendingSignIn | undefined {
    const entry = this.#entries.get(id);
    this.#entries.delete(id);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  #sweep(now: number): void {
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}
