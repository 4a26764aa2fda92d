import * as v from 'valibot';
import { registerRequestType } from './registry.ts';

/**
 * 'staff-draft': an unfinished form from a staff tablet, rescued to the server when the tablet's
 * drafts key is wiped after too many wrong PINs (src/vault). A partial form cannot pass
 * its own schema, so the answers travel as they were and the caseworker sees what there was; the
 * form's id, version and step say how far the visit got. Sealed with `assisted` and `assistedBy`.
 */
export const STAFF_DRAFT_TYPE = 'staff-draft';

/** Matches a form id in the catalogue (and a request type on the wire). */
const formId = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[a-z][a-z0-9-]*$/));

export const staffDraftV1 = v.strictObject({
  formId,
  formVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  stepIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  staffUsername: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  // Not v.record: it takes an array too (as an object of indexes); the answers are named fields.
  answers: v.custom<Record<string, unknown>>((a) => typeof a === 'object' && a !== null && !Array.isArray(a), 'answers must be an object'),
});

export type StaffDraftData = v.InferOutput<typeof staffDraftV1>;

registerRequestType({ type: STAFF_DRAFT_TYPE, versions: { 1: staffDraftV1 }, current: 1 });
