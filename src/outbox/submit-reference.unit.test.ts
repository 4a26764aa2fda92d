import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxDb } from './db.ts';
import { SubmissionInvalidError } from './errors.ts';
import { newReference } from '#domain/reference.ts';
import { submit } from './submit.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, openEnvelope, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

let keys: TestServerKeys;
beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey)));
afterEach(clearOutboxDb);

describe('submit with a reference made before sending (a time reserved online for it)', () => {
  it('seals the request under that reference, in its canonical form', async () => {
    const reference = newReference();
    const receipt = await submit({ type: TEST_TYPE, data: { note: 'x' }, reference: reference.toLowerCase() });
    expect(receipt.reference).toBe(reference);
    const [item] = await outboxDb().outbox.toArray();
    expect(item!.reference).toBe(reference);
    expect((await openEnvelope(item!.envelope!, keys.privateKey)).reference).toBe(reference);
  });

  it('refuses a reference with a wrong check symbol, and stores nothing', async () => {
    await expect(submit({ type: TEST_TYPE, data: { note: 'x' }, reference: 'AAAA-AAAA-AAAA' })).rejects.toBeInstanceOf(SubmissionInvalidError);
    expect(await outboxDb().outbox.count()).toBe(0);
  });
});
