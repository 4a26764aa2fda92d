import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openPrivateKey } from '#server/crypto/key-wrap.ts';
import type { StoredServerKey } from '#server/store/store.ts';
import { testEnvelope } from './fixtures.ts';
import type { TestServer } from './harness.ts';

/**
 * What must never be readable from a copy of the database: the server's private key material and
 * a caseworker's note. Shared by the SQLite (every byte of every file) and PostgreSQL (every row
 * of every table) tests.
 */
export const NOTE = 'Borgeren ringede om sin sag: særlig bemærkning Quokka-7731';
export const CPR_IN_NOTE = '070761-4285';

/** Enrols a device, stores submissions, and writes a note with a CPR-like number on one of them. */
export async function populate(server: TestServer): Promise<{ submissionId: string }> {
  const device = await server.enroll();
  const envelopes = await Promise.all(Array.from({ length: 5 }, async () => (await testEnvelope(device.serverKey)).envelope));
  const stored = await server.submit(device.token, { submissions: envelopes });
  expect(stored.json.results.map((r: { status: string }) => r.status)).toEqual(Array(5).fill('stored'));
  const cookie = await server.login();
  const submissionId = envelopes[0]!.id;
  const moved = await server.staff(cookie, `/submissions/${submissionId}/transition`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ to: 'in_progress', note: `${NOTE} (CPR ${CPR_IN_NOTE})` }),
  });
  expect(moved.status, moved.text).toBe(200);
  // The back office still reads the note.
  const detail = await server.staff(cookie, `/submissions/${submissionId}`);
  expect(JSON.stringify(detail.json.history)).toContain(NOTE);
  return { submissionId };
}

/** Every private member of each stored RSA key, as the JWK holds it (base64url) and as raw bytes. */
export function privateSecrets(kek: Buffer, keys: readonly StoredServerKey[]): { text: string[]; bytes: Buffer[] } {
  const text: string[] = [];
  const bytes: Buffer[] = [];
  for (const key of keys) {
    const jwk = openPrivateKey(kek, key.kid, key.sealedPrivateKey) as Record<string, string>;
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
      const value = jwk[member];
      if (!value) continue;
      text.push(value);
      bytes.push(Buffer.from(value, 'base64url'));
    }
  }
  expect(text.length).toBeGreaterThanOrEqual(6);
  return { text, bytes };
}

/** JWK private members as JSON writes them (plain or escaped inside a JSON string), PEM/PKCS#8 headers. */
const PRIVATE_SHAPES = [/\\?"(d|p|q|dp|dq|qi)\\?"\s*:/, /PRIVATE KEY/, /BEGIN RSA/];

/** Fails naming what was found; `where` says which file or table. */
export function expectNothingSecret(where: string, content: Buffer, secrets: { text: string[]; bytes: Buffer[] }, kek: Buffer): void {
  const latin1 = content.toString('latin1');
  for (const shape of PRIVATE_SHAPES) expect(shape.test(latin1), `${where} matches ${shape}`).toBe(false);
  for (const value of secrets.text) expect(content.includes(Buffer.from(value)), `${where} holds a private key member`).toBe(false);
  for (const value of secrets.bytes) expect(content.includes(value), `${where} holds raw private key bytes`).toBe(false);
  for (const text of [NOTE, CPR_IN_NOTE, 'Quokka-7731']) {
    expect(content.includes(Buffer.from(text, 'utf8')), `${where} holds the note "${text}"`).toBe(false);
    expect(content.includes(Buffer.from(text, 'utf16le')), `${where} holds the note "${text}" (UTF-16)`).toBe(false);
  }
  expect(content.includes(kek), `${where} holds the KEK`).toBe(false);
  expect(content.includes(Buffer.from(kek.toString('base64'))), `${where} holds the KEK in base64`).toBe(false);
}

/** Every regular file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const readKek = (path: string) => Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
