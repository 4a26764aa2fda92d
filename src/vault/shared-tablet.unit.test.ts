import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxDb } from '#outbox/db.ts';
import { readDevice } from '#outbox/device.ts';
import { enqueueSealed } from '#outbox/manage.ts';
import { clearOutboxDb, makeServerKeys, openEnvelope, storeDevice, testDevice, type TestServerKeys } from '#outbox/outbox.fixtures.ts';
import { STAFF_DRAFT_TYPE } from '#forms/staff-draft.ts';
import { changePin } from './change-pin.ts';
import { encryptDraft, newDraftsKey, pinKey, randomBytes } from './crypto.ts';
import { STAFF_DB_NAME, closeStaffDb, staffDb } from './db.ts';
import { NoProfileError, VaultLockedError } from './errors.ts';
import { MAX_WRONG_PINS } from './pin.ts';
import { TEST_ITERATIONS } from './vault.fixtures.ts';
import { readProfiles } from './profiles.ts';
import { createProfile, unlock, type Vault } from './vault.ts';

/** Two staff members on one tablet: each their own PIN, drafts key, drafts and wipe. */

const ANNA = { username: 'anna', role: 'caseworker' as const };
const BO = { username: 'bo', role: 'caseworker' as const };
const ANNA_PIN = '482916';
const BO_PIN = '739264';
let clock = new Date('2026-11-23T10:00:00.000Z');
const options = { iterations: TEST_ITERATIONS, now: () => clock };
let keys: TestServerKeys;

beforeAll(async () => {
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey, { kind: 'tablet' })));
afterEach(async () => {
  await staffDb().delete();
  closeStaffDb();
  await clearOutboxDb();
});

const visit = (id: string, name: string) => ({ id, formId: 'home-visit', stepIndex: 1, answers: { name, cpr: '0101901234' }, label: 'form-home-visit:title' });

async function twoStaff(): Promise<{ anna: Vault; bo: Vault }> {
  const anna = await createProfile(ANNA, ANNA_PIN, options);
  clock = new Date(clock.getTime() + 60_000);
  const bo = await createProfile(BO, BO_PIN, options);
  return { anna, bo };
}

async function opened(username: string, pin: string): Promise<Vault> {
  const result = await unlock(username, pin, options);
  if (!result.ok) throw new Error(`${username} did not unlock: ${JSON.stringify(result)}`);
  return result.vault;
}

describe('two staff members on one tablet', () => {
  it('lists both, in the order they signed in here, without any key', async () => {
    await twoStaff();
    const profiles = await readProfiles();
    expect(profiles.map((p) => p.username)).toEqual(['anna', 'bo']);
    expect(Object.keys(profiles[0]!).sort()).toEqual(['createdAt', 'role', 'username', 'wrongPins']);
  });

  it("opens each person's vault only with that person's PIN", async () => {
    await twoStaff();
    expect(await unlock('bo', ANNA_PIN, options)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - 1 });
    expect(await unlock('anna', BO_PIN, options)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - 1 });
    expect((await opened('anna', ANNA_PIN)).username).toBe('anna');
    expect((await opened('bo', BO_PIN)).username).toBe('bo');
    await expect(unlock('carl', ANNA_PIN, options)).rejects.toBeInstanceOf(NoProfileError);
  });

  it("keeps each person's drafts apart, even under the same draft id", async () => {
    const { anna, bo } = await twoStaff();
    await anna.saveDraft(visit('assisted-moving', 'Anna-borger'));
    await anna.saveDraft(visit('visit-a', 'Anna-besøg'));
    await bo.saveDraft(visit('assisted-moving', 'Bo-borger'));

    expect((await anna.listDrafts()).map((d) => d.id).sort()).toEqual(['assisted-moving', 'visit-a']);
    expect((await bo.listDrafts()).map((d) => d.id)).toEqual(['assisted-moving']);
    expect((await bo.loadDraft('visit-a'))).toBeUndefined();
    expect((await anna.loadDraft('assisted-moving'))?.answers.name).toBe('Anna-borger');
    expect((await bo.loadDraft('assisted-moving'))?.answers.name).toBe('Bo-borger');

    // Bo's key cannot read Anna's row even if it is moved under his name.
    const row = (await staffDb().personalDrafts.get(['anna', 'visit-a']))!;
    await staffDb().personalDrafts.put({ ...row, owner: 'bo' });
    await expect(bo.loadDraft('visit-a')).rejects.toThrow(/cannot be decrypted/);
  });

  it("five wrong PINs wipe that person's key and drafts only, after queuing their rescue copies", async () => {
    const held = (username: string) => ({ credential: username.repeat(20).slice(0, 43), username, expiresAt: '2099-01-01T00:00:00.000Z' });
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', staffCredentials: { anna: held('anna'), bo: held('bo') } }));
    const { anna, bo } = await twoStaff();
    await anna.saveDraft(visit('visit-a', 'Anna-besøg'));
    await bo.saveDraft(visit('visit-b', 'Bo-besøg'));
    bo.lock();
    let last;
    for (let i = 0; i < MAX_WRONG_PINS; i++) last = await unlock('bo', '111111', options);
    expect(last).toEqual({ ok: false, reason: 'wiped', rescued: 1, notRescued: 0 });

    expect((await readProfiles()).map((p) => p.username)).toEqual(['anna']);
    const queued = await outboxDb().outbox.toArray();
    expect(queued).toHaveLength(1);
    const rescued = await openEnvelope(queued[0]!.envelope!, keys.privateKey);
    expect(rescued).toMatchObject({ type: STAFF_DRAFT_TYPE, assistedBy: 'bo' });
    // Beside it, Bo's own staff credential: the server credits the rescued draft to him.
    expect(queued[0]!.envelope!.staffCredential).toBe(held('bo').credential);
    expect(await staffDb().events.toArray()).toEqual([expect.objectContaining({ kind: 'pin_wipe', username: 'bo' })]);

    // Bo's staff credential went with his key; Anna's stays.
    expect(Object.keys((await readDevice())?.staffCredentials ?? {})).toEqual(['anna']);
    const annaAgain = await opened('anna', ANNA_PIN);
    expect((await annaAgain.loadDraft('visit-a'))?.answers.name).toBe('Anna-besøg');
  });

  it("signing out removes that person's key and drafts, keeps what is queued, and leaves the others", async () => {
    const { anna, bo } = await twoStaff();
    await anna.saveDraft(visit('visit-a', 'Anna-besøg'));
    await bo.saveDraft(visit('visit-b', 'Bo-besøg'));
    // Something Bo queued earlier (here: the sealed copy of his draft, as the outbox would hold it).
    const queuedBefore = (await staffDb().personalDrafts.get(['bo', 'visit-b']))!.sealed!;
    await enqueueSealed(queuedBefore, clock.getTime());

    await bo.signOut();
    expect(bo.locked).toBe(true);
    await expect(bo.listDrafts()).rejects.toBeInstanceOf(VaultLockedError);
    expect((await readProfiles()).map((p) => p.username)).toEqual(['anna']);
    expect(await staffDb().personalDrafts.where('owner').equals('bo').count()).toBe(0);
    await expect(unlock('bo', BO_PIN, options)).rejects.toBeInstanceOf(NoProfileError);
    expect(await outboxDb().outbox.count()).toBe(1);

    expect((await anna.listDrafts()).map((d) => d.id)).toEqual(['visit-a']);
    // Told to the audit log when the tablet is next online.
    expect(await staffDb().events.toArray()).toEqual([expect.objectContaining({ kind: 'sign_out', username: 'bo', at: clock.toISOString() })]);
    // Bo can sign in again and start afresh with a new PIN.
    const boAgain = await createProfile(BO, '572049', options);
    expect(await boAgain.listDrafts()).toEqual([]);
  });

  it('keeps the name the organisation gave the person, for the screens', async () => {
    const bo = await createProfile({ username: 'sso-4f2a9c', role: 'caseworker', displayName: 'Bo Ibsen' }, BO_PIN, options);
    expect(bo.name).toBe('Bo Ibsen');
    expect(await readProfiles()).toEqual([expect.objectContaining({ username: 'sso-4f2a9c', displayName: 'Bo Ibsen' })]);
    clock = new Date(clock.getTime() + 60_000);
    expect((await createProfile(ANNA, ANNA_PIN, options)).name).toBe('anna');
    expect((await opened('sso-4f2a9c', BO_PIN)).name).toBe('Bo Ibsen');
  });

  it("a PIN change is that person's only", async () => {
    await twoStaff();
    expect(await changePin('bo', BO_PIN, '572049', options)).toEqual({ ok: true });
    expect((await unlock('bo', '572049', options)).ok).toBe(true);
    expect((await unlock('anna', ANNA_PIN, options)).ok).toBe(true);
  });
});

describe('a one-person tablet from before, upgraded', () => {
  it("becomes that person's profile, with their drafts readable under the same PIN", async () => {
    closeStaffDb();
    await Dexie.delete(STAFF_DB_NAME);
    // Version 2 exactly as an older release wrote it: the one profile under 'self', drafts by id alone.
    const old = new Dexie(STAFF_DB_NAME);
    old.version(1).stores({ profile: '', drafts: 'id, updatedAt' });
    old.version(2).stores({ profile: '', drafts: 'id, updatedAt', events: '++seq' });
    const salt = randomBytes(16);
    const { wrapped, key } = await newDraftsKey(await pinKey(ANNA_PIN, salt, TEST_ITERATIONS));
    const content = { formVersion: 1, stepIndex: 3, answers: { name: 'Gammel-kladde' }, updatedAt: '2026-11-20T09:00:00.000Z' };
    const { iv, ciphertext } = await encryptDraft(key, 'visit-old', 'home-visit', content);
    await old.table('profile').put({ username: 'anna', role: 'caseworker', createdAt: '2026-11-01T08:00:00.000Z', wrongPins: 2, salt, iterations: TEST_ITERATIONS, wrappedKey: wrapped }, 'self');
    await old.table('drafts').put({ id: 'visit-old', formId: 'home-visit', updatedAt: content.updatedAt, iv, ciphertext, label: 'form-home-visit:title' });
    await old.table('events').add({ kind: 'pin_wipe', at: '2026-11-19T09:00:00.000Z', username: 'carl' });
    old.close();

    expect(await readProfiles()).toEqual([{ username: 'anna', role: 'caseworker', createdAt: '2026-11-01T08:00:00.000Z', wrongPins: 2 }]);
    expect(staffDb().verno).toBe(4);
    expect(staffDb().tables.map((t) => t.name).sort()).toEqual(['events', 'personalDrafts', 'profiles']);
    expect(await staffDb().events.count()).toBe(1);
    // The wrong PINs counted before the upgrade still count.
    expect(await unlock('anna', '111111', options)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - 3 });
    const vault = await opened('anna', ANNA_PIN);
    expect(await vault.listDrafts()).toEqual([{ id: 'visit-old', formId: 'home-visit', updatedAt: content.updatedAt, label: 'form-home-visit:title', rescuable: false }]);
    expect(await vault.loadDraft('visit-old')).toMatchObject({ stepIndex: 3, answers: { name: 'Gammel-kladde' } });

    // A second person joins the upgraded tablet without touching the first.
    const bo = await createProfile(BO, BO_PIN, options);
    expect(await bo.listDrafts()).toEqual([]);
    expect((await readProfiles()).map((p) => p.username)).toEqual(['anna', 'bo']);
  });
});
