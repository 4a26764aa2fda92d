/**
 * OpenID Connect sign-in settings, read once at start from the environment (documented in
 * src/server/README.md). Unset OIDC_ISSUER: sign-in with the organisation's login is off and only
 * local accounts exist.
 */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The claim holding the user's roles (an array or one string). */
  rolesClaim: string;
  adminRole: string;
  caseworkerRole: string;
  /** Where the provider sends the browser back; from OIDC_REDIRECT_URI or the first PUBLIC_ORIGIN. */
  redirectUri?: URL;
  /**
   * Plain http to the provider: only for a provider on this machine (tests, development), never
   * for a real one, as the tokens would cross the network unencrypted.
   */
  allowInsecureLocalhost: boolean;
}

const LOCALHOST = new Set(['localhost', '127.0.0.1', '[::1]']);

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv, publicOrigins: string[] = []): OidcSettings | undefined {
  const issuerText = env.OIDC_ISSUER?.trim();
  if (!issuerText) return undefined;
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new Error(`OIDC_ISSUER must be a URL, got ${JSON.stringify(issuerText)}`);
  }
  const insecure = env.OIDC_ALLOW_HTTP_LOCALHOST?.trim().toLowerCase() === 'true';
  if (issuer.protocol !== 'https:') {
    if (!(issuer.protocol === 'http:' && insecure && LOCALHOST.has(issuer.hostname))) {
      throw new Error('OIDC_ISSUER must be an https URL (plain http only for a provider on localhost with OIDC_ALLOW_HTTP_LOCALHOST=true)');
    }
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too');
  const adminRole = env.OIDC_ADMIN_ROLE?.trim() || 'admin';
  const caseworkerRole = env.OIDC_CASEWORKER_ROLE?.trim() || 'caseworker';
  if (adminRole === caseworkerRole) throw new Error('OIDC_ADMIN_ROLE and OIDC_CASEWORKER_ROLE must differ');
  const redirectText = env.OIDC_REDIRECT_URI?.trim() || (publicOrigins[0] ? `${publicOrigins[0]}/api/v1/staff/sso/callback` : '');
  let redirectUri: URL | undefined;
  if (redirectText) {
    try {
      redirectUri = new URL(redirectText);
    } catch {
      throw new Error(`OIDC_REDIRECT_URI must be a URL, got ${JSON.stringify(redirectText)}`);
    }
  }
  return {
    issuer,
    clientId,
    clientSecret,
    rolesClaim: env.OIDC_ROLES_CLAIM?.trim() || 'roles',
    adminRole,
    caseworkerRole,
    redirectUri,
    allowInsecureLocalhost: insecure && issuer.protocol === 'http:',
  };
}
