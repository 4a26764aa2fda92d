import { describe, expect, it } from 'vitest';
import { parsePostgresTargets } from './postgres-hosts.ts';

describe('parsePostgresTargets', () => {
  it('leaves a one-host URL as it is', () => {
    expect(parsePostgresTargets('postgres://kiosk:pw@db:5432/kiosk?sslmode=require')).toEqual({ urls: ['postgres://kiosk:pw@db:5432/kiosk?sslmode=require'], readWrite: false });
  });

  it('splits several hosts into one URL each, in order, keeping user, database and other parameters', () => {
    expect(parsePostgresTargets('postgres://kiosk:pw@db1:5432,db2:5433/kiosk?target_session_attrs=read-write&sslmode=require')).toEqual({
      urls: ['postgres://kiosk:pw@db1:5432/kiosk?sslmode=require', 'postgres://kiosk:pw@db2:5433/kiosk?sslmode=require'],
      readWrite: true,
    });
  });

  it('asks for the read-write host whenever several hosts are named, and for one host with read-write', () => {
    expect(parsePostgresTargets('postgresql://u@h1,h2/db').readWrite).toBe(true);
    expect(parsePostgresTargets('postgres://u@h1/db?target_session_attrs=read-write')).toEqual({ urls: ['postgres://u@h1/db'], readWrite: true });
  });

  it('refuses a session attribute it does not implement, naming it', () => {
    expect(() => parsePostgresTargets('postgres://u@h1,h2/db?target_session_attrs=standby')).toThrow(/target_session_attrs=standby/);
  });
});
