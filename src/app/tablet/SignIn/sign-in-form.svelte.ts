import type { Problem } from '../problems.ts';
import { LoginError, verifyStaff, type StaffRole } from '../staff-login.ts';

/** The online sign-in form: what was typed, and why it was refused. The password is cleared after every try. */
export class SignInForm {
  username = $state('');
  password = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);

  /** Answers the verified staff member, or undefined with `problems` set. */
  async submit(verify = verifyStaff): Promise<{ username: string; role: StaffRole } | undefined> {
    const found: Problem[] = [];
    if (!this.username.trim()) found.push({ field: 'signin-username', key: 'signIn.errors.usernameRequired' });
    if (!this.password) found.push({ field: 'signin-password', key: 'signIn.errors.passwordRequired' });
    this.problems = found;
    if (found.length > 0) return undefined;
    this.busy = true;
    try {
      return await verify(this.username.trim(), this.password);
    } catch (error) {
      const reason = error instanceof LoginError ? error.reason : 'failed';
      // A wrong password is about the password field; anything else goes to the first field.
      this.problems = [{ field: reason === 'invalid' ? 'signin-password' : 'signin-username', key: `signIn.errors.${reason}` }];
      return undefined;
    } finally {
      this.password = '';
      this.busy = false;
    }
  }

  reset(): void {
    this.username = '';
    this.password = '';
    this.busy = false;
    this.problems = [];
  }
}
