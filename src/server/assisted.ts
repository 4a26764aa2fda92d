import type { SealedPayload } from '#contract/v1.ts';

/** Whether a staff member filled the submission in for the citizen, and who (the assisted service on staff tablets). */
export interface AssistedMetadata {
  assisted: boolean;
  assistedBy: string | null;
  /** The account named was deactivated after the work was sealed (set from a staff credential). */
  assistedByDisabled?: boolean;
}

/**
 * The sealed payload's `assisted` and `assistedBy` as plain metadata beside the envelope, so that
 * the inbox and the CSV can show them without decrypting every row. Never the citizen's answers.
 */
export function assistedMetadata(payload: SealedPayload): AssistedMetadata {
  return { assisted: payload.assisted === true, assistedBy: payload.assistedBy ?? null };
}
