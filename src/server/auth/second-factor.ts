import { openPrivateKey, sealPrivateKey } from '../crypto/key-wrap.ts';
import type { StaffUser, Store } from '../store/store.ts';
import { hashRecoveryCode, isBase32Secret, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp.ts';

/**
 * Staff accounts' TOTP second factor. The secret is sealed under the key-encryption key the way
 * server keys are (crypto/key-wrap.ts), with `totp:<account id>` as additional data, so a sealed
 * secret cannot be moved to another account unnoticed.
 */
export type SecondFactorCheck = 'ok' | 'not_enrolled' | 'code_required' | 'wrong_code';

export interface Enrolment {
  secret: string;
  uri: string;
}

const kidFor = (userId: string) => `totp:${userId}`;

export class SecondFactors {
  constructor(
    private readonly store: Store,
    private readonly kek: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  private seal(userId: string, secret: string) {
    return sealPrivateKey(this.kek, kidFor(userId), { kty: 'oct', k: secret });
  }

  private open(userId: string, sealed: string) {
    return openPrivateKey(this.kek, kidFor(userId), sealed).k ?? '';
  }

  async enrolled(userId: string): Promise<boolean> {
    return !!(await this.store.secondFactor(userId))?.confirmedAt;
  }

  /**
   * Checks the code typed at sign-in: a 6-digit code not used before, or an unused recovery code.
   * An account without a confirmed factor is 'not_enrolled' (the caller decides what that allows).
   */
  async check(user: StaffUser, code: string | undefined): Promise<SecondFactorCheck> {
    const factor = await this.store.secondFactor(user.id);
    if (!factor?.confirmedAt) return 'not_enrolled';
    const typed = (code ?? '').trim();
    if (!typed) return 'code_required';
    if (looksLikeRecoveryCode(typed)) {
      return (await this.store.useRecoveryCode(user.id, hashRecoveryCode(typed), new Date(this.now()).toISOString(), user.username)) ? 'ok' : 'wrong_code';
    }
    const step = totpStep(this.open(user.id, factor.sealedSecret), typed.replace(/\s+/g, ''), this.now());
    if (step === null) return 'wrong_code';
    return (await this.store.useTotpStep(user.id, step)) ? 'ok' : 'wrong_code';
  }

  /** A new secret for the account to scan; undefined when it has a confirmed factor already. */
  async start(user: Pick<StaffUser, 'id' | 'username'>): Promise<Enrolment | undefined> {
    const secret = newTotpSecret();
    if (!(await this.store.startSecondFactor(user.id, this.seal(user.id, secret)))) return undefined;
    return { secret, uri: totpUri(secret, user.username) };
  }

  /** Confirms the pending enrolment with a first code; the recovery codes, shown once, or undefined. */
  async confirm(user: Pick<StaffUser, 'id' | 'username'>, code: string): Promise<string[] | 'no_enrolment' | 'wrong_code'> {
    const factor = await this.store.secondFactor(user.id);
    if (!factor || factor.confirmedAt) return 'no_enrolment';
    const step = totpStep(this.open(user.id, factor.sealedSecret), code.trim().replace(/\s+/g, ''), this.now());
    if (step === null) return 'wrong_code';
    const codes = newRecoveryCodes();
    const done = await this.store.confirmSecondFactor(user.id, step, codes.map(hashRecoveryCode), new Date(this.now()).toISOString(), user.username);
    return done ? codes : 'no_enrolment';
  }

  /**
   * ADMIN_TOTP_SECRET: the first admin gets this secret as a confirmed factor, for deployments that
   * provision accounts by machine. An account with a confirmed factor keeps it. No recovery codes:
   * whoever holds the variable holds the secret.
   */
  async provision(user: Pick<StaffUser, 'id' | 'username'>, secret: string): Promise<'provisioned' | 'kept'> {
    if (!isBase32Secret(secret)) throw new Error('ADMIN_TOTP_SECRET must be a base32 secret (A-Z and 2-7, at least 16 characters).');
    const clean = secret.replace(/\s+/g, '').toUpperCase();
    if (!(await this.store.startSecondFactor(user.id, this.seal(user.id, clean)))) return 'kept';
    const ok = await this.store.confirmSecondFactor(user.id, 0, [], new Date(this.now()).toISOString(), 'system', { via: 'ADMIN_TOTP_SECRET' });
    return ok ? 'provisioned' : 'kept';
  }
}
