import type { Problem } from '../problems.ts';
import { LoginError, verifyStaff, type VerifiedStaff } from '../staff-login.ts';
import { ssoOffered, ssoReturned, staffFromSsoSession } from './sso-return.ts';

/** The online sign-in form: what was typed, and why it was refused. The password is cleared after every try. */
export class SignInForm {
  username = $state('');
  password = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  /** The server offers the organisation's login. */
  sso = $state(false);

  /** Answers the verified staff member, or undefined with `problems` set. */
  async submit(verify = verifyStaff): Promise<VerifiedStaff | undefined> {
    const found: Problem[] = [];
    if (!this.username.trim()) found.push({ field: 'signin-username', key: 'signIn.errors.usernameRequired' });
    if (!this.password) found.push({ field: 'signin-password', key: 'signIn.errors.passwordRequired' });
    this.problems = found;
    if (found.length > 0) return undefined;
    this.busy = true;
    try {
      return await verify(this.username.trim(), this.password);
    } catch (error) {
      this.problems = [problemOf(error)];
      return undefined;
    } finally {
      this.password = '';
      this.busy = false;
    }
  }

  /**
   * Back from the organisation's login (`search` has sso=1; `forgetSearch` takes it off the
   * address): who signed in. Otherwise, or when that session is gone, sets whether that login is
   * offered, and answers undefined.
   */
  async returnFromSso(
    search: string,
    forgetSearch: () => void,
    session: () => Promise<VerifiedStaff | undefined> = staffFromSsoSession,
    offered: () => Promise<boolean> = ssoOffered,
  ): Promise<VerifiedStaff | undefined> {
    if (ssoReturned(search)) {
      forgetSearch();
      try {
        const staff = await session();
        if (staff) return staff;
      } catch (error) {
        this.problems = [problemOf(error)];
      }
    }
    this.sso = await offered();
    return undefined;
  }

  reset(): void {
    this.username = '';
    this.password = '';
    this.busy = false;
    this.problems = [];
    this.sso = false;
  }
}

/** A wrong password is about the password field; anything else goes to the first field. */
function problemOf(error: unknown): Problem {
  const reason = error instanceof LoginError ? error.reason : 'failed';
  return { field: reason === 'invalid' ? 'signin-password' : 'signin-username', key: `signIn.errors.${reason}` };
}
