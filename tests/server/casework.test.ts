import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { caseDueDate } from '#domain/due-date.ts';
import { filesUnder } from './at-rest.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let admin: string;
let anne: string;
let bo: string;

const PASSWORD = 'a long staff password';

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll();
  admin = await server.login();
  for (const [username, role] of [['anne', 'caseworker'], ['bo', 'caseworker'], ['leaver', 'caseworker']]) {
    const r = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: PASSWORD, role }) });
    expect(r.status, r.text).toBe(201);
  }
  expect((await server.staff(admin, '/users/leaver/disable', { method: 'POST' })).status).toBe(204);
  anne = await server.login('anne', PASSWORD);
  bo = await server.login('bo', PASSWORD);
}, 60_000);
afterAll(() => server.close());

async function storeOne(): Promise<string> {
  const { envelope } = await testEnvelope(device.serverKey);
  const r = await server.submit(device.token, { submissions: [envelope] });
  expect(r.json.results[0].status).toBe('stored');
  return envelope.id;
}

const post = (cookie: string, path: string, body: unknown) => server.staff(cookie, path, { method: 'POST', body: JSON.stringify(body) });
const assign = (cookie: string, id: string, assignee: string | null) => post(cookie, `/submissions/${id}/assign`, { assignee });
const move = (cookie: string, id: string, to: string, note?: string) => post(cookie, `/submissions/${id}/transition`, { to, note });

async function auditOf(id: string, action: string) {
  const r = await server.staff(admin, `/audit?target=${id}&action=${action}`);
  expect(r.status, r.text).toBe(200);
  return r.json.entries as { actor: string; action: string; detail: Record<string, unknown> }[];
}

describe('assigning a case', () => {
  it('lets a caseworker take a case, audited, and shows it under "my cases"', async () => {
    const id = await storeOne();
    const r = await assign(anne, id, 'ANNE');
    expect(r.status, r.text).toBe(200);
    expect(r.json.assignee).toBe('anne');
    const mine = await server.staff(anne, '/submissions?assignee=me&limit=10000');
    expect(mine.json.submissions.map((s: { id: string }) => s.id)).toContain(id);
    expect(mine.json.submissions.every((s: { assignee: string }) => s.assignee === 'anne')).toBe(true);
    expect((await server.staff(bo, '/submissions?assignee=me')).json.submissions.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await server.staff(bo, '/submissions?assignee=anne')).json.total).toBe(mine.json.total);
    expect((await server.staff(anne, `/submissions/${id}`)).json.assignee).toBe('anne');
    const [entry] = await auditOf(id, 'assign_submission');
    expect(entry).toMatchObject({ actor: 'anne', detail: { previousAssignee: null, assignee: 'anne' } });
  });

  it('lists cases nobody has with assignee=none', async () => {
    const id = await storeOne();
    const none = await server.staff(admin, '/submissions?assignee=none&limit=10000');
    expect(none.json.submissions.map((s: { id: string }) => s.id)).toContain(id);
    expect(none.json.submissions.every((s: { assignee: string | null }) => s.assignee === null)).toBe(true);
  });

  it('lets a caseworker take a colleague\'s case, but not hand one to a colleague or take it from them', async () => {
    const id = await storeOne();
    expect((await assign(anne, id, 'anne')).status).toBe(200);
    const handOver = await assign(anne, id, 'bo');
    expect(handOver.status).toBe(403);
    expect(handOver.json.error.code).toBe('assign_self_only');
    const release = await assign(bo, id, null);
    expect(release.status).toBe(403);
    expect(release.json.error.code).toBe('release_own_only');
    expect((await assign(bo, id, 'bo')).json.assignee).toBe('bo');
    expect((await assign(bo, id, null)).json.assignee).toBeNull();
  });

  it('lets an admin assign to any active account, and refuses a deactivated or unknown one with 400', async () => {
    const id = await storeOne();
    expect((await assign(admin, id, 'bo')).json.assignee).toBe('bo');
    for (const who of ['leaver', 'nobody']) {
      const r = await assign(admin, id, who);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('unknown_assignee');
    }
    expect((await server.staff(admin, `/submissions/${id}`)).json.assignee).toBe('bo');
  });

  it('answers 404 for an unknown case, 400 for a bad body, 401 without a session', async () => {
    expect((await assign(admin, randomUUID(), 'anne')).status).toBe(404);
    expect((await assign(admin, 'x', 'anne')).status).toBe(404);
    const id = await storeOne();
    expect((await post(admin, `/submissions/${id}/assign`, { assignee: 7 })).status).toBe(400);
    expect((await post(admin, `/submissions/${id}/assign`, {})).status).toBe(400);
    expect((await server.request(`/api/v1/staff/submissions/${id}/assign`, { method: 'POST', body: '{"assignee":null}' })).status).toBe(401);
  });
});

describe('notes at any time', () => {
  const SECRET = 'Ringede kl. 10 om sagen Pelikan-4417';

  it('adds a note to the history without changing the status, audited without its text, sealed at rest', async () => {
    const id = await storeOne();
    const r = await post(bo, `/submissions/${id}/notes`, { note: `  ${SECRET}  ` });
    expect(r.status, r.text).toBe(201);
    expect(r.json.status).toBe('received');
    expect(r.json.history.at(-1)).toMatchObject({ from: 'received', to: 'received', note: SECRET, actor: 'bo' });
    const detail = await server.staff(admin, `/submissions/${id}`);
    expect(detail.json.history.map((h: { note: string | null }) => h.note)).toContain(SECRET);
    const [entry] = await auditOf(id, 'add_note');
    expect(entry).toMatchObject({ actor: 'bo', detail: { status: 'received' } });
    expect(JSON.stringify(entry)).not.toContain('Pelikan');
    // Every byte of every database file (WAL included): the note is not there in plain text.
    for (const file of filesUnder(server.dir)) expect(readFileSync(file).includes(Buffer.from('Pelikan-4417')), file).toBe(false);
  });

  it('refuses an empty or over-long note with 400, and an unknown case with 404', async () => {
    const id = await storeOne();
    const blank = await post(anne, `/submissions/${id}/notes`, { note: ' \n ' });
    expect(blank.status).toBe(400);
    expect(blank.json.error.code).toBe('note_required');
    expect((await post(anne, `/submissions/${id}/notes`, { note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post(anne, `/submissions/${randomUUID()}/notes`, { note: 'hej' })).status).toBe(404);
  });
});

describe('rejecting and reopening', () => {
  it('refuses a rejection without a note with 400 rejection_needs_note, and leaves the case as it was', async () => {
    const id = await storeOne();
    const r = await move(anne, id, 'rejected', '   ');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('rejection_needs_note');
    expect((await server.staff(anne, `/submissions/${id}`)).json.status).toBe('received');
    expect((await move(anne, id, 'rejected', 'Dublet af en anden sag')).json.status).toBe('rejected');
  });

  it.each(['done', 'rejected'])('reopens a %s case with a reason, audited, and not without one', async (closed) => {
    const id = await storeOne();
    expect((await move(anne, id, 'in_progress')).status).toBe(200);
    expect((await move(anne, id, closed, 'Afsluttet')).status).toBe(200);
    const bare = await move(anne, id, 'in_progress');
    expect(bare.status).toBe(400);
    expect(bare.json.error.code).toBe('reopen_needs_reason');
    const reopened = await move(bo, id, 'in_progress', 'Borgeren har sendt nye oplysninger');
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.json).toMatchObject({ status: 'in_progress', allowedTransitions: ['done', 'rejected'] });
    expect(reopened.json.history.at(-1)).toMatchObject({ from: closed, to: 'in_progress', note: 'Borgeren har sendt nye oplysninger', actor: 'bo' });
    const entries = await auditOf(id, 'transition');
    expect(entries[0]).toMatchObject({ actor: 'bo', detail: { from: closed, to: 'in_progress', note: true } });
  });

  it('still refuses steps the workflow does not have with 409', async () => {
    const id = await storeOne();
    const r = await move(anne, id, 'done', 'Færdig');
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('transition_not_allowed');
  });
});

describe('due dates', () => {
  it('answers dueAt from the rule data on the list, the detail and after a change', async () => {
    const id = await storeOne();
    const detail = await server.staff(anne, `/submissions/${id}`);
    const expected = caseDueDate(detail.json.type, new Date(detail.json.receivedAt));
    expect(detail.json.dueAt).toBe(expected);
    expect(detail.json.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const list = await server.staff(anne, '/submissions?limit=10000');
    expect(list.json.submissions.find((s: { id: string }) => s.id === id).dueAt).toBe(expected);
    expect((await assign(anne, id, 'anne')).json.dueAt).toBe(expected);
    expect((await move(anne, id, 'in_progress')).json.dueAt).toBe(expected);
  });
});
