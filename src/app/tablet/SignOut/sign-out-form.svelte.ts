import { forgetStaffCredential } from '#outbox/staff-credential.ts';
import type { Vault } from '#vault/vault.ts';
import type { Problem } from '../problems.ts';

/** What signing out needs: the open vault, and the device's credential for this person. */
export interface SignOutIo {
  forgetCredential: (username: string) => Promise<void>;
}

const defaultIo: SignOutIo = { forgetCredential: forgetStaffCredential };

/**
 * A staff member takes themselves off a shared tablet. Their unfinished drafts cannot be read
 * without their key, so they go too: with any left, they must tick that they know before the
 * button works. What waits in the outbox is sealed for the server and stays; it is never touched.
 */
export class SignOutForm {
  /** Unfinished drafts of this person; undefined until counted. */
  drafts = $state<number | undefined>();
  /** Ticked: "I know my unfinished drafts will be deleted". */
  confirmed = $state(false);
  busy = $state(false);
  failed = $state(false);
  problems = $state<Problem[]>([]);

  private readonly io: SignOutIo;

  constructor(io: Partial<SignOutIo> = {}) {
    this.io = { ...defaultIo, ...io };
  }

  async load(vault: Pick<Vault, 'listDrafts'>): Promise<void> {
    try {
      this.drafts = (await vault.listDrafts()).length;
    } catch (error) {
      console.error('tablet: could not count drafts', error instanceof Error ? error.name : typeof error);
      this.failed = true;
    }
  }

  /** Signs out; true once done. With drafts left (or not counted), only after `confirmed`. */
  async submit(vault: Pick<Vault, 'username' | 'signOut'>): Promise<boolean> {
    this.failed = false;
    const mustConfirm = this.drafts === undefined || this.drafts > 0;
    this.problems = mustConfirm && !this.confirmed ? [{ field: 'sign-out-confirm', key: 'signOut.errors.confirm' }] : [];
    if (this.problems.length > 0) return false;
    this.busy = true;
    try {
      await vault.signOut();
      // The credential goes with the keys: work queued before keeps the one it was sealed with.
      await this.io.forgetCredential(vault.username).catch((error: unknown) => console.error('tablet: could not forget the staff credential', error instanceof Error ? error.name : typeof error));
      return true;
    } catch (error) {
      console.error('tablet: could not sign out', error instanceof Error ? error.name : typeof error);
      this.failed = true;
      return false;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.drafts = undefined;
    this.confirmed = false;
    this.busy = false;
    this.failed = false;
    this.problems = [];
  }
}
