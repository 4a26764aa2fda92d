import { MAX_BODY_BYTES, type Envelope, type SealedPayload } from '#contract/v1.ts';
import { validateRequest } from '#forms/registry.ts';
import { STAFF_DRAFT_TYPE, type StaffDraftData } from '#forms/staff-draft.ts';
import { readDevice } from '#outbox/device.ts';
import { seal } from '#outbox/envelope.ts';
import { enqueueSealed } from '#outbox/manage.ts';
import { attachStaffCredential, forgetStaffCredential } from '#outbox/staff-credential.ts';
import { newReference } from '#domain/reference.ts';
import { withStaffDb } from './db.ts';
import { RescueFailedError } from './errors.ts';

/**
 * The rescue copy of a draft: the same answers sealed for the server as a 'staff-draft'
 * submission (src/forms/staff-draft.ts), made at every save and kept beside the draft. The
 * tablet cannot open it; it is queued only when the drafts key is wiped after too many wrong
 * PINs, so that the caseworker still gets what the visit had collected.
 *
 * Without an enrolment there is no server key, so no copy is made: such drafts are lost with the
 * key. The UI can tell from DraftSummary.rescuable and should ask for enrolment first.
 */
export async function sealRescueCopy(data: StaffDraftData, username: string): Promise<Envelope | undefined> {
  const device = await readDevice();
  if (!device) return undefined;
  // JSON round trip: the answers as they will be decrypted on the server (no undefined, no Dates).
  const checked = validateRequest(STAFF_DRAFT_TYPE, 1, JSON.parse(JSON.stringify(data)));
  if (!checked.ok) return undefined;
  const payload: SealedPayload = {
    type: STAFF_DRAFT_TYPE,
    schemaVersion: 1,
    reference: newReference(),
    createdAt: data.savedAt,
    assisted: true,
    assistedBy: username,
    data: checked.data,
  };
  // Beside it (not sealed), the person's staff credential while valid: the server credits them from it.
  const envelope = attachStaffCredential(await seal(payload, { id: crypto.randomUUID() }, device.serverKey), username, device, new Date(data.savedAt));
  // The server refuses a body over the limit: such a copy would wait in the outbox for ever.
  const bytes = new TextEncoder().encode(JSON.stringify({ submissions: [envelope] })).length;
  return bytes > MAX_BODY_BYTES ? undefined : envelope;
}

/** Hands the copies to the outbox in one transaction; resolves only once they are committed. */
export function queueRescue(envelopes: readonly Envelope[], now: number): Promise<number> {
  return enqueueSealed(envelopes, now);
}

/**
 * The fifth wrong PIN (vault.ts, unlock): this person's sealed copies are queued for the office,
 * and only once that has committed are their drafts, profile and staff credential deleted and the
 * wipe noted for the audit log. RescueFailedError when queuing fails: nothing is deleted then.
 */
export async function rescueAndWipe(username: string, now: () => Date): Promise<{ ok: false; reason: 'wiped'; rescued: number; notRescued: number }> {
  const drafts = await withStaffDb('tablet.read-drafts', (db) => db.personalDrafts.where('owner').equals(username).toArray());
  const sealed = drafts.flatMap((d) => (d.sealed ? [d.sealed] : []));
  try {
    await queueRescue(sealed, now().getTime());
  } catch (error) {
    throw new RescueFailedError(error);
  }
  // Only what was read above is deleted: a draft saved meanwhile by another tab (it cannot be, the
  // vault there is unlocked with the same key, but be safe) is wiped only with its own rescue.
  const keys = drafts.map((d): [string, string] => [d.owner, d.id]);
  await withStaffDb('tablet.wipe', (db) =>
    db.transaction('rw', db.profiles, db.personalDrafts, db.events, async () => {
      const wiped = await db.profiles.get(username);
      await db.personalDrafts.bulkDelete(keys);
      if ((await db.personalDrafts.where('owner').equals(username).count()) === 0) await db.profiles.delete(username);
      // Reported to the audit log when the tablet is next online (device-events.ts); kept with the wipe, so it cannot be lost.
      if (wiped) await db.events.add({ kind: 'pin_wipe', at: now().toISOString(), username: wiped.username });
    }),
  );
  // Their staff credential goes with their key; what they queued keeps the one it was sealed with.
  await forgetStaffCredential(username).catch(() => undefined);
  return { ok: false, reason: 'wiped', rescued: sealed.length, notRescued: drafts.length - sealed.length };
}
