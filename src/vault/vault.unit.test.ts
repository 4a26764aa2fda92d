import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as manage from '#outbox/manage.ts';
import { outboxDb } from '#outbox/db.ts';
import { DB_NAME } from '#outbox/records.ts';
import { clearOutboxDb, everyStoredString as everyStoredText, makeServerKeys, openEnvelope, storeDevice, testDevice, type TestServerKeys } from '#outbox/outbox.fixtures.ts';
import { validateRequest } from '#forms/registry.ts';
import { STAFF_DRAFT_TYPE } from '#forms/staff-draft.ts';
import { PBKDF2_ITERATIONS } from './crypto.ts';
import { STAFF_DB_NAME, closeStaffDb, staffDb } from './db.ts';
import { InvalidPinError, NoProfileError, ProfileHasDraftsError, RescueFailedError, VaultLockedError, DraftUnreadableError } from './errors.ts';
import { MAX_WRONG_PINS } from './pin.ts';
import { TEST_ITERATIONS } from './vault.fixtures.ts';
import { readProfile } from './profiles.ts';
import { createProfile, unlock, type Vault } from './vault.ts';

vi.mock('#outbox/manage.ts', async (original) => {
  const real = await original<typeof import('#outbox/manage.ts')>();
  return { ...real, enqueueSealed: vi.fn(real.enqueueSealed) };
});

const PIN = '482916';
const WRONG = '111111';
const MARKER = 'MARKER-Æblevej-7';
const T0 = new Date('2026-11-23T10:00:00.000Z');
const options = { iterations: TEST_ITERATIONS, now: () => T0 };
const staff = { username: 'anna', role: 'caseworker' as const };
let keys: TestServerKeys;

beforeAll(async () => {
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey, { kind: 'tablet' })));
afterEach(async () => {
  vi.mocked(manage.enqueueSealed).mockClear();
  await staffDb().delete();
  closeStaffDb();
  await clearOutboxDb();
});

const draft = (id = 'visit-1', name = MARKER) => ({
  id,
  formId: 'home-visit',
  stepIndex: 2,
  answers: { name, cpr: '0101901234', reason: 'illness' },
  label: 'form-home-visit:title',
});

async function wrongTimes(n: number) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await unlock('anna', WRONG, options));
  return results;
}

async function withDrafts(count = 2): Promise<Vault> {
  const vault = await createProfile(staff, PIN, options);
  for (let i = 1; i <= count; i++) await vault.saveDraft(draft(`visit-${i}`));
  return vault;
}

describe('profile and PIN', () => {
  it('has no profile before the first online login, and refuses to unlock', async () => {
    expect(await readProfile('anna')).toBeUndefined();
    await expect(unlock('anna', PIN, options)).rejects.toBeInstanceOf(NoProfileError);
  });

  it('creates a profile readable without the key, and unlocks it with the right PIN', async () => {
    const vault = await createProfile(staff, PIN, options);
    expect(vault).toMatchObject({ username: 'anna', role: 'caseworker', locked: false });
    expect(await readProfile('anna')).toEqual({ username: 'anna', role: 'caseworker', createdAt: T0.toISOString(), wrongPins: 0 });
    const result = await unlock('anna', PIN, options);
    expect(result.ok).toBe(true);
  });

  it('refuses a PIN that breaks the rules, storing nothing', async () => {
    await expect(createProfile(staff, '12345', options)).rejects.toMatchObject({ problem: 'too-short' });
    await expect(createProfile(staff, '12345x', options)).rejects.toBeInstanceOf(InvalidPinError);
    await expect(createProfile(staff, '123456', options)).rejects.toMatchObject({ problem: 'too-simple' });
    await expect(createProfile(staff, '241285', options)).rejects.toMatchObject({ problem: 'date-like' });
    expect(await readProfile('anna')).toBeUndefined();
  });

  it('derives with 600,000 PBKDF2 iterations unless told otherwise, and stores a 16-byte salt and no PIN', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    await createProfile(staff, PIN, options);
    const stored = (await staffDb().profiles.get('anna'))!;
    expect(stored.salt).toHaveLength(16);
    expect(stored.iterations).toBe(TEST_ITERATIONS);
    expect((await everyStoredText(STAFF_DB_NAME)).some((t) => t.includes(PIN))).toBe(false);
  });

  it('counts wrong PINs, and a right one after four resets the count', async () => {
    await createProfile(staff, PIN, options);
    const results = await wrongTimes(4);
    expect(results.map((r) => !r.ok && r.reason === 'wrong-pin' && r.attemptsLeft)).toEqual([4, 3, 2, 1]);
    expect((await readProfile('anna'))?.wrongPins).toBe(4);
    expect((await unlock('anna', PIN, options)).ok).toBe(true);
    expect((await readProfile('anna'))?.wrongPins).toBe(0);
    expect((await unlock('anna', WRONG, options))).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - 1 });
  });

  it('counts an attempt before trying it, so closing the tab mid-try does not undo it', async () => {
    await createProfile(staff, PIN, options);
    // The key derivation never finishes: the tab is closed in the middle of it.
    const derive = vi.spyOn(crypto.subtle, 'deriveKey').mockReturnValue(new Promise(() => undefined));
    try {
      void unlock('anna', WRONG, options);
      await vi.waitFor(() => expect(derive).toHaveBeenCalled());
      closeStaffDb();
      expect((await readProfile('anna'))?.wrongPins).toBe(1);
    } finally {
      derive.mockRestore();
    }
  });

  it("replaces a person's earlier profile only when it has no drafts", async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    await expect(createProfile(staff, '739264', options)).rejects.toBeInstanceOf(ProfileHasDraftsError);
    expect((await unlock('anna', PIN, options)).ok).toBe(true);
    await vault.deleteDraft('visit-1');
    await createProfile({ username: 'anna', role: 'admin' }, '739264', options);
    expect(await readProfile('anna')).toMatchObject({ username: 'anna', role: 'admin' });
    expect((await unlock('anna', PIN, options)).ok).toBe(false);
    expect((await unlock('anna', '739264', options)).ok).toBe(true);
  });
});

describe('drafts', () => {
  it('saves, lists (metadata only), loads and deletes', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    expect(await vault.listDrafts()).toEqual([{ id: 'visit-1', formId: 'home-visit', updatedAt: T0.toISOString(), label: 'form-home-visit:title', rescuable: true }]);
    expect(await vault.loadDraft('visit-1')).toEqual({
      id: 'visit-1', formId: 'home-visit', formVersion: 1, stepIndex: 2, answers: draft().answers, updatedAt: T0.toISOString(),
    });
    expect(await vault.loadDraft('nope')).toBeUndefined();
    await vault.deleteDraft('visit-1');
    expect(await vault.listDrafts()).toEqual([]);
  });

  it('stores no plaintext of a draft anywhere in IndexedDB, neither the tablet’s nor the outbox’s', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    await vault.saveDraft(draft('visit-2'));
    const texts = [...(await everyStoredText(STAFF_DB_NAME)), ...(await everyStoredText(DB_NAME))];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.includes('MARKER') || t.includes('Æblevej') || t.includes('0101901234'))).toEqual([]);
  });

  it('survives the tablet being closed and reopened (a new database connection)', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    vault.lock();
    closeStaffDb();
    const reopened = await unlock('anna', PIN, options);
    if (!reopened.ok) throw new Error('did not unlock');
    expect((await reopened.vault.loadDraft('visit-1'))?.answers).toEqual(draft().answers);
  });

  it('forgets the key on lock(): every later call throws', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    vault.lock();
    expect(vault.locked).toBe(true);
    await expect(vault.listDrafts()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.loadDraft('visit-1')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.saveDraft(draft('visit-2'))).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.deleteDraft('visit-1')).rejects.toBeInstanceOf(VaultLockedError);
    expect(await staffDb().personalDrafts.count()).toBe(1);
  });

  it('refuses to save under a key whose profile was wiped meanwhile (another tab), and locks', async () => {
    const vault = await createProfile(staff, PIN, options);
    await staffDb().profiles.delete('anna');
    await expect(vault.saveDraft(draft())).rejects.toBeInstanceOf(VaultLockedError);
    expect(vault.locked).toBe(true);
    expect(await staffDb().personalDrafts.count()).toBe(0);
  });

  it('refuses a draft whose ciphertext was moved to another id', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    const row = (await staffDb().personalDrafts.get(['anna', 'visit-1']))!;
    await staffDb().personalDrafts.put({ ...row, id: 'visit-x' });
    await expect(vault.loadDraft('visit-x')).rejects.toBeInstanceOf(DraftUnreadableError);
  });

  it('keeps beside each draft a copy sealed for the server as a staff-draft, assisted by the staff member', async () => {
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    const { sealed } = (await staffDb().personalDrafts.get(['anna', 'visit-1']))!;
    const payload = await openEnvelope(sealed!, keys.privateKey);
    expect(payload).toMatchObject({ type: STAFF_DRAFT_TYPE, schemaVersion: 1, assisted: true, assistedBy: 'anna' });
    expect(payload.data).toEqual({ formId: 'home-visit', formVersion: 1, stepIndex: 2, savedAt: T0.toISOString(), staffUsername: 'anna', answers: draft().answers });
    expect(validateRequest(STAFF_DRAFT_TYPE, 1, payload.data).ok).toBe(true);
  });

  it('keeps no sealed copy when the tablet is not enrolled, and says so in the list', async () => {
    await clearOutboxDb();
    const vault = await createProfile(staff, PIN, options);
    await vault.saveDraft(draft());
    expect((await staffDb().personalDrafts.get(['anna', 'visit-1']))!.sealed).toBeUndefined();
    expect((await vault.listDrafts())[0]!.rescuable).toBe(false);
  });
});

describe('the fifth wrong PIN', () => {
  it('queues each draft’s latest sealed copy in the outbox, then wipes drafts, key and profile', async () => {
    const vault = await withDrafts(2);
    await vault.saveDraft({ ...draft('visit-2'), stepIndex: 4 });
    const latest = (await staffDb().personalDrafts.get(['anna', 'visit-2']))!.sealed!;
    vault.lock();

    const results = await wrongTimes(MAX_WRONG_PINS);
    expect(results.at(-2)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 1 });
    expect(results.at(-1)).toEqual({ ok: false, reason: 'wiped', rescued: 2, notRescued: 0 });

    const queued = await outboxDb().outbox.toArray();
    expect(queued.map((i) => [i.type, i.status])).toEqual([[STAFF_DRAFT_TYPE, 'queued'], [STAFF_DRAFT_TYPE, 'queued']]);
    expect(queued.map((i) => i.id)).toContain(latest.id);
    expect((await openEnvelope(queued.find((i) => i.id === latest.id)!.envelope!, keys.privateKey)).data).toMatchObject({ stepIndex: 4 });

    expect(await readProfile('anna')).toBeUndefined();
    expect(await staffDb().personalDrafts.count()).toBe(0);
    expect(await staffDb().profiles.count()).toBe(0);
    await expect(unlock('anna', PIN, options)).rejects.toBeInstanceOf(NoProfileError);
  });

  it('wipes nothing when queuing the rescue fails, and finishes the rescue on the next try', async () => {
    await withDrafts(2);
    await wrongTimes(MAX_WRONG_PINS - 1);
    vi.mocked(manage.enqueueSealed).mockRejectedValueOnce(new Error('disk full'));
    await expect(unlock('anna', WRONG, options)).rejects.toBeInstanceOf(RescueFailedError);
    expect(await staffDb().personalDrafts.count()).toBe(2);
    expect(await readProfile('anna')).toMatchObject({ wrongPins: MAX_WRONG_PINS });
    expect(await outboxDb().outbox.count()).toBe(0);

    // At the limit even the right PIN no longer opens it: the rescue is finished first.
    expect(await unlock('anna', PIN, options)).toEqual({ ok: false, reason: 'wiped', rescued: 2, notRescued: 0 });
    expect(await outboxDb().outbox.count()).toBe(2);
    expect(await staffDb().personalDrafts.count()).toBe(0);
  });

  it('does not queue a copy twice when a wipe was interrupted after the rescue', async () => {
    await withDrafts(1);
    const { sealed } = (await staffDb().personalDrafts.get(['anna', 'visit-1']))!;
    await manage.enqueueSealed(sealed!, T0.getTime()); // as if the tab closed right after queuing
    await staffDb().profiles.update('anna', { wrongPins: MAX_WRONG_PINS });
    expect(await unlock('anna', WRONG, options)).toEqual({ ok: false, reason: 'wiped', rescued: 1, notRescued: 0 });
    expect(await outboxDb().outbox.count()).toBe(1);
  });

  it('counts the drafts that had no sealed copy (tablet not enrolled)', async () => {
    await clearOutboxDb();
    await withDrafts(1);
    expect((await wrongTimes(MAX_WRONG_PINS)).at(-1)).toEqual({ ok: false, reason: 'wiped', rescued: 0, notRescued: 1 });
    expect(await staffDb().personalDrafts.count()).toBe(0);
  });
});
