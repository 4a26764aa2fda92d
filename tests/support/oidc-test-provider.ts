import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider (the certified oidc-provider package) on a free port of this machine, for
 * tests of sign-in through the organisation's login. Its users and their roles live in `users`,
 * which a test changes; `signInAs` says who the next sign-in is: the provider's interaction step
 * logs that user in and consents without a form, as a real user would after typing a password.
 */
export interface TestUser {
  /** The `name` claim; empty sends none (some providers send only given and family name). */
  name: string;
  roles: string[];
  givenName?: string;
  familyName?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: Map<string, TestUser>;
  signInAs(subject: string): void;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUris: string[]): Promise<TestProvider> {
  const clientId = 'borgerservice';
  const clientSecret = 'test-client-secret-that-is-long-enough-0123456789';
  const users = new Map<string, TestUser>();
  let next = '';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    // The client is confidential, so PKCE would be optional: require it, as our server must send it.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'preferred_username', 'roles'] },
    // Roles in the ID token, as Entra ID and Keycloak put them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      return (
        user && {
          accountId: sub,
          claims: () => ({
            sub,
            ...(user.name ? { name: user.name } : {}),
            ...(user.givenName ? { given_name: user.givenName } : {}),
            ...(user.familyName ? { family_name: user.familyName } : {}),
            preferred_username: (user.name || sub).toLowerCase().replace(/\s+/g, '.'),
            roles: user.roles,
          }),
        }
      );
    },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: next, clientId });
      grant.addOIDCScope('openid profile');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: next }, consent: { grantId } }, { mergeWithLastSubmission: false });
      void details;
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    signInAs: (subject) => {
      next = subject;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
