import { MAX_BODY_BYTES, type Envelope, type SealedPayload } from '#contract/v1.ts';
import { validateRequest } from '#forms/registry.ts';
import { STAFF_DRAFT_TYPE, type StaffDraftData } from '#forms/staff-draft.ts';
import { readDevice } from '#outbox/device.ts';
import { seal } from '#outbox/envelope.ts';
import { enqueueSealed } from '#outbox/manage.ts';
import { attachStaffCredential } from '#outbox/staff-credential.ts';
import { newReference } from '#domain/reference.ts';

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
