/**
 * Draft ids. A home visit has a random id (one citizen per visit, several visits open). An
 * assisted form has one draft per form, named by the form's id: staff serve one citizen at a
 * time at the counter, and the path (/tablet/service/<id>) finds it again after a lock or reload.
 * Neither names the citizen.
 */
const ASSISTED_PREFIX = 'assisted-';

export const assistedDraftId = (formId: string): string => `${ASSISTED_PREFIX}${formId}`;

/** The form of an assisted draft, or undefined for a home visit's draft. */
export function assistedFormOf(draftId: string): string | undefined {
  return draftId.startsWith(ASSISTED_PREFIX) ? draftId.slice(ASSISTED_PREFIX.length) : undefined;
}
