import type { FieldError } from '#contract/v1.ts';
import { staffOnlyFormIds } from './catalog.ts';
import { STAFF_DRAFT_TYPE } from './staff-draft.ts';

/** The kinds of device that send requests: a kiosk the citizen uses alone, a tablet staff carry. */
export type SendingDeviceKind = 'kiosk' | 'tablet';

/**
 * Request types only a staff tablet may send: the staff-only forms (a home visit) and a draft
 * rescued from a tablet. A kiosk has no staff member signed in, so it can send neither.
 */
const tabletOnlyTypes: ReadonlySet<string> = new Set([...staffOnlyFormIds, STAFF_DRAFT_TYPE]);

export const isTabletOnlyType = (type: string): boolean => tabletOnlyTypes.has(type);

/**
 * Whether a device of `kind` may send this payload: its type, and whether it says a staff member
 * filled it in. The server refuses anything else as `invalid` with this error, so a kiosk's token
 * can never put a home visit or an "assisted by" into the back office.
 */
export function deviceKindError(kind: SendingDeviceKind, payload: { type: string; assisted?: boolean; assistedBy?: string }): FieldError | undefined {
  if (kind === 'tablet') return undefined;
  if (tabletOnlyTypes.has(payload.type)) return { path: 'type', code: 'not_for_device_kind' };
  if (payload.assisted === true || payload.assistedBy !== undefined) return { path: 'payload.assisted', code: 'not_for_device_kind' };
  return undefined;
}
