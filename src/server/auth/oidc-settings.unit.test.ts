import { describe, expect, it } from 'vitest';
import { roleFromClaims, ssoUsername } from './oidc-roles.ts';
import { oidcSettingsFromEnv } from './oidc-settings.ts';
import { httpOptionsFromEnv } from '../http-env.ts';

const base = { OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'app', OIDC_CLIENT_SECRET: 'secret' };

describe('OIDC settings from the environment', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(oidcSettingsFromEnv({})).toBeUndefined();
  });

  it('defaults the roles claim and role names, and derives the callback from PUBLIC_ORIGIN', () => {
    const s = oidcSettingsFromEnv(base, ['https://borgerservice.kommune.dk'])!;
    expect(s).toMatchObject({ rolesClaim: 'roles', adminRole: 'admin', caseworkerRole: 'caseworker', allowInsecureLocalhost: false });
    expect(s.redirectUri?.href).toBe('https://borgerservice.kommune.dk/api/v1/staff/sso/callback');
  });

  it('refuses plain http to a provider, unless it is on localhost and explicitly allowed', () => {
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://idp.kommune.dk' })).toThrow(/https/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://idp.kommune.dk', OIDC_ALLOW_HTTP_LOCALHOST: 'true' })).toThrow(/https/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://localhost:9000' })).toThrow(/https/);
    expect(oidcSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://localhost:9000', OIDC_ALLOW_HTTP_LOCALHOST: 'true' })!.allowInsecureLocalhost).toBe(true);
  });

  it('needs the client id and secret, and two different role names', () => {
    expect(() => oidcSettingsFromEnv({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ADMIN_ROLE: 'x', OIDC_CASEWORKER_ROLE: 'x' })).toThrow(/differ/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_REDIRECT_URI: 'not a url' })).toThrow(/OIDC_REDIRECT_URI/);
  });
});

describe('the role a provider’s claims grant', () => {
  const names = { rolesClaim: 'roles', adminRole: 'BS.Admin', caseworkerRole: 'BS.Sagsbehandler' };

  it('reads an array or a space-separated string; admin wins', () => {
    expect(roleFromClaims({ roles: ['BS.Sagsbehandler'] }, names)).toBe('caseworker');
    expect(roleFromClaims({ roles: ['BS.Sagsbehandler', 'BS.Admin'] }, names)).toBe('admin');
    expect(roleFromClaims({ roles: 'Other BS.Admin' }, names)).toBe('admin');
  });

  it('grants nothing without a matching role', () => {
    expect(roleFromClaims({}, names)).toBeUndefined();
    expect(roleFromClaims({ roles: [] }, names)).toBeUndefined();
    expect(roleFromClaims({ roles: ['bs.admin', 7, null] }, names)).toBeUndefined();
    expect(roleFromClaims({ groups: ['BS.Admin'] }, names)).toBeUndefined();
  });

  it('names an account by issuer and subject, never clashing with a local name', () => {
    const a = ssoUsername('https://idp-a', 'u1');
    expect(a).toMatch(/^sso-[0-9a-f]{24}$/);
    expect(ssoUsername('https://idp-a', 'u1')).toBe(a);
    expect(ssoUsername('https://idp-b', 'u1')).not.toBe(a);
  });
});

describe('the start-up environment', () => {
  const quiet = { write: () => true };

  it('reads OIDC_* with the origin staff use, and SEPARATE_ADMIN_DUTIES', () => {
    const options = httpOptionsFromEnv({ ...base, PUBLIC_ORIGIN: 'https://bs.kommune.dk', SEPARATE_ADMIN_DUTIES: 'true' }, quiet);
    expect(options.oidc?.redirectUri?.href).toBe('https://bs.kommune.dk/api/v1/staff/sso/callback');
    expect(options.separateAdminDuties).toBe(true);
    expect(httpOptionsFromEnv({}, quiet)).toMatchObject({ oidc: undefined, separateAdminDuties: false });
  });

  it('stops on a bad value, naming it', () => {
    expect(() => httpOptionsFromEnv({ SEPARATE_ADMIN_DUTIES: 'yes' }, quiet)).toThrow(/SEPARATE_ADMIN_DUTIES/);
    expect(() => httpOptionsFromEnv({ OIDC_ISSUER: 'https://idp.kommune.dk' }, quiet)).toThrow(/OIDC_CLIENT_ID/);
  });
});
