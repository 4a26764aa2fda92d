import { submissionStatuses } from '#domain/casework/submission-workflow.ts';

/** The staff contract's word lists and limits, shared by its schema files (staff.ts re-exports them). */
export { submissionStatuses };
export const deviceKinds = ['kiosk', 'tablet'] as const;
export const staffRoles = ['admin', 'caseworker'] as const;

/** A staff username: lower-case letters, digits and `._@-`, 2 to 64 characters; the server refuses any other. */
export const staffUsernamePattern = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
/** The shortest password the server accepts for a staff account. */
export const MIN_STAFF_PASSWORD_LENGTH = 12;
/**
 * Sent by the back office with the reads its live views make on their own (the server's events
 * said something changed): they are not someone at the desk, so they do not move the session's idle end.
 */
export const STAFF_BACKGROUND_HEADER = 'X-Staff-Background';
/** Argon2 would hash a megabyte happily; refusing a longer password early keeps login cheap to reject. */
export const MAX_STAFF_PASSWORD_LENGTH = 1024;
/** A UUID as the server makes them (submissions, codes, help calls). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
