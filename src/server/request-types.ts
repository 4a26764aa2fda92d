import { formVersions } from '#forms/definitions/index.ts';
import { DEVICE_TEST_TYPE, deviceTestV1 } from '#forms/device-test.ts';
import type { FormDefinition } from '#forms/engine/types.ts';
import { formSchema } from '#forms/engine/schema.ts';
import { RequestTypeRegistry, type RequestType } from '#forms/registry.ts';
import { STAFF_DRAFT_TYPE, staffDraftV1 } from '#forms/staff-draft.ts';

/** One form with all its shipped versions as a request type: the newest is current, the older ones still validate. */
function requestTypeOf(versions: readonly FormDefinition[]): RequestType {
  const current = versions.at(-1)!;
  return { type: current.type, current: current.schemaVersion, versions: Object.fromEntries(versions.map((f) => [f.schemaVersion, formSchema(f)])) };
}

/**
 * Every request type the server accepts: each form of the catalogue in all its versions, the
 * set-up screen's test request and a wiped tablet's rescued draft. The same list the app
 * registers (src/forms/index.ts), built here without filling any shared registry, and passed to
 * startServer by main.ts.
 */
export function serverRequestTypes(): RequestTypeRegistry {
  return new RequestTypeRegistry([
    ...formVersions.map(requestTypeOf),
    { type: DEVICE_TEST_TYPE, versions: { 1: deviceTestV1 }, current: 1 },
    { type: STAFF_DRAFT_TYPE, versions: { 1: staffDraftV1 }, current: 1 },
  ]);
}
