/**
 * Importing this module registers every request type with the registry (src/forms/registry.ts).
 * The app imports it before it queues, the server before it validates: one list for both.
 */
export { validateRequest, requestType, requestTypes } from './registry.ts';
