import type { StaffSession } from '#contract/staff.ts';

/** The warning comes this long before the session ends (DKFDS's session-timeout pattern). */
export const WARNING_MS = 2 * 60_000;
/**
 * The server writes a moved idle end only when it moves by a minute or more (auth/sessions.ts), so
 * after a request the stored end may be up to a minute short of "now + idle": count from that.
 */
const WRITE_SLACK_MS = 60_000;

export interface SessionExpiryIo {
  now: () => number;
  /** GET /session: a request, so it moves the idle end on; answers the deadlines, or undefined when the session has ended. */
  ping: () => Promise<StaffSession | undefined>;
  logout: () => Promise<void>;
  /** The session ended (or the staff member logged out): back to the login with why. */
  ended: (reason: 'expired' | 'logged_out') => void;
}

export type ExpiryWarning = 'none' | 'idle' | 'absolute';

/**
 * Knows when the back-office session ends: the idle end (moved on by every request the back office
 * makes) and the absolute end (STAFF_SESSION_HOURS after sign-in), both as the server told them.
 * Two minutes before the nearer one it warns: before the idle end with "stay signed in", which
 * pings the server; before the absolute end without it, as nothing can extend it then.
 */
export class SessionExpiry {
  idleEnd = $state<number | undefined>();
  absoluteEnd = $state<number | undefined>();
  now = $state(0);
  /** The absolute end's warning was read and closed: it stays closed until the end. */
  absoluteSeen = $state(false);
  busy = $state(false);
  failed = $state(false);
  #idleMs = 0;
  #ended = false;

  constructor(private readonly io: SessionExpiryIo) {
    this.now = io.now();
  }

  /** The deadlines from a login or session answer. */
  update(session: Pick<StaffSession, 'expiresAt' | 'absoluteExpiresAt' | 'idleSeconds'>): void {
    const absolute = session.absoluteExpiresAt ? Date.parse(session.absoluteExpiresAt) : undefined;
    const idle = Date.parse(session.expiresAt);
    // The same session told again (an older answer kept in memory): activity since then still counts.
    const same = this.idleEnd !== undefined && absolute === this.absoluteEnd;
    this.idleEnd = same ? Math.max(this.idleEnd!, idle) : idle;
    this.absoluteEnd = absolute;
    this.#idleMs = (session.idleSeconds ?? 0) * 1000;
    this.#ended = false;
    this.now = this.io.now();
  }

  /** A request reached the server at `at`: the idle end moved on (never past the absolute end). */
  activity(at: number): void {
    if (this.idleEnd === undefined || !this.#idleMs) return;
    const moved = Math.max(this.idleEnd, at + this.#idleMs - WRITE_SLACK_MS);
    this.idleEnd = this.absoluteEnd === undefined ? moved : Math.min(moved, this.absoluteEnd);
  }

  /** The nearer end, when one is known. */
  get end(): number | undefined {
    if (this.idleEnd === undefined) return undefined;
    return this.absoluteEnd === undefined ? this.idleEnd : Math.min(this.idleEnd, this.absoluteEnd);
  }

  get warning(): ExpiryWarning {
    const end = this.end;
    if (end === undefined || this.now < end - WARNING_MS) return 'none';
    // The absolute end comes first (or with the idle end): staying active changes nothing.
    if (this.absoluteEnd !== undefined && this.absoluteEnd <= this.idleEnd! + WRITE_SLACK_MS) return this.absoluteSeen ? 'none' : 'absolute';
    return 'idle';
  }

  get secondsLeft(): number {
    const end = this.end;
    return end === undefined ? 0 : Math.max(0, Math.ceil((end - this.now) / 1000));
  }

  /** Once a second: the countdown, and the end itself. */
  tick(): void {
    this.now = this.io.now();
    const end = this.end;
    if (end !== undefined && this.now >= end && !this.#ended) {
      this.#ended = true;
      this.io.ended('expired');
    }
  }

  /** "Stay signed in": a request moves the idle end on, and the answer says where to. */
  async stay(): Promise<void> {
    this.busy = true;
    this.failed = false;
    try {
      const session = await this.io.ping();
      if (!session) {
        this.#ended = true;
        this.io.ended('expired');
      } else this.update(session);
    } catch {
      // The server did not answer: the warning stays, and says so; the staff member can try again.
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }

  /** Closes the absolute end's warning (there is nothing to extend). */
  dismiss(): void {
    this.absoluteSeen = true;
  }

  async logOut(): Promise<void> {
    this.busy = true;
    try {
      await this.io.logout();
    } catch {
      // Logged out here anyway: the cookie ends with the session on the server.
    } finally {
      this.busy = false;
      this.#ended = true;
      this.io.ended('logged_out');
    }
  }

  reset(): void {
    this.idleEnd = undefined;
    this.absoluteEnd = undefined;
    this.absoluteSeen = false;
    this.busy = false;
    this.failed = false;
    this.#idleMs = 0;
    this.#ended = false;
  }
}
