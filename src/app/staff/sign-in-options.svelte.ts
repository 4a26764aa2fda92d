/**
 * What the server offers before anyone signs in (GET /api/v1/staff/sso): sign-in through the
 * organisation's login, and whether admins are kept out of citizens' cases. Unreachable server:
 * neither, and the local login form is shown as before.
 */
export class SignInOptions {
  sso = $state(false);
  separateAdminDuties = $state(false);
  #loading?: Promise<void>;

  load(fetcher: typeof fetch = fetch): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const res = await fetcher('/api/v1/staff/sso', { credentials: 'same-origin' });
        const body = res.ok ? ((await res.json()) as { enabled?: unknown; separateAdminDuties?: unknown }) : {};
        this.sso = body.enabled === true;
        this.separateAdminDuties = body.separateAdminDuties === true;
      } catch {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }

  reset(): void {
    this.sso = false;
    this.separateAdminDuties = false;
    this.#loading = undefined;
  }
}

export const signInOptions = new SignInOptions();

/** Where the browser starts the organisation's login; `tablet` brings it back to the tablet. */
export const ssoStartPath = (returnTo: 'staff' | 'tablet' = 'staff') => `/api/v1/staff/sso/start${returnTo === 'tablet' ? '?return=tablet' : ''}`;
