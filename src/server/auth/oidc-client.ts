import * as client from 'openid-client';
import type { OidcSettings } from './oidc-settings.ts';

/**
 * The provider's configuration through openid-client (a certified relying-party library), fetched
 * on first use and again after a failure, so that a provider that was down at start-up does not
 * need a restart.
 */
export class OidcClient {
  #config?: Promise<client.Configuration>;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowInsecureLocalhost } = this.settings;
    this.#config ??= client
      .discovery(issuer, clientId, clientSecret, undefined, allowInsecureLocalhost ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        this.#config = undefined;
        throw err;
      });
    return this.#config;
  }

  /**
   * The provider's sign-in address for a new attempt, and what must be kept to check its answer.
   * `freshLogin` asks the provider to sign the person in again even if its own session is still
   * open (OpenID Connect Core's `prompt=login`): on a shared tablet that session is the previous
   * colleague's.
   */
  async start(redirectUri: string, options: { freshLogin?: boolean } = {}): Promise<{ url: URL; codeVerifier: string; state: string; nonce: string }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(options.freshLogin ? { prompt: 'login' } : {}),
    });
    return { url, codeVerifier, state, nonce };
  }

  /** Exchanges the code and checks state, nonce, PKCE and the ID token; the ID token's claims. Throws on any mismatch. */
  async finish(callbackUrl: URL, checks: { codeVerifier: string; state: string; nonce: string }): Promise<Record<string, unknown>> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return claims as Record<string, unknown>;
  }
}
