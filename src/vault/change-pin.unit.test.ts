import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearOutboxDb, makeServerKeys, storeDevice, testDevice, type TestServerKeys } from '#outbox/outbox.fixtures.ts';
import { changePin } from './change-pin.ts';
import { closeStaffDb, staffDb } from './db.ts';
import { InvalidPinError } from './errors.ts';
import { TEST_ITERATIONS } from './vault.fixtures.ts';
import { createProfile, unlock } from './vault.ts';

const options = { iterations: TEST_ITERATIONS };
const OLD = '482916';
const NEW = '739264';
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

describe('changing the PIN', () => {
  it('needs the current PIN; afterwards only the new PIN opens the tablet, and the drafts are still readable', async () => {
    const vault = await createProfile({ username: 'anna', role: 'caseworker' }, OLD, options);
    await vault.saveDraft({ id: 'visit-1', formId: 'home-visit', stepIndex: 3, answers: { name: 'Karen' } });
    expect(await changePin('anna', '000000', NEW, options)).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(await changePin('anna', OLD, NEW, options)).toEqual({ ok: true });
    expect(await unlock('anna', OLD, options)).toMatchObject({ ok: false, reason: 'wrong-pin' });
    const opened = await unlock('anna', NEW, options);
    if (!opened.ok) throw new Error('the new PIN did not open the tablet');
    expect(await opened.vault.loadDraft('visit-1')).toMatchObject({ stepIndex: 3, answers: { name: 'Karen' } });
  });

  it('refuses a weak new PIN and keeps the old one', async () => {
    await createProfile({ username: 'anna', role: 'caseworker' }, OLD, options);
    await expect(changePin('anna', OLD, '123456', options)).rejects.toBeInstanceOf(InvalidPinError);
    await expect(changePin('anna', OLD, '010190', options)).rejects.toMatchObject({ problem: 'date-like' });
    expect(await unlock('anna', OLD, options)).toMatchObject({ ok: true });
  });

  it('does not count a wrong current PIN towards the wipe', async () => {
    await createProfile({ username: 'anna', role: 'caseworker' }, OLD, options);
    for (let i = 0; i < 6; i++) expect(await changePin('anna', '000000', NEW, options)).toMatchObject({ ok: false });
    expect(await unlock('anna', OLD, options)).toMatchObject({ ok: true });
  });
});
