/**
 * Importing this module registers every request type with the registry (src/forms/registry.ts).
 * The app imports it before it queues, the server before it validates: one list for both.
 */
import { formVersions } from './definitions/index.ts';
import { registerForm } from './engine/schema.ts';
import './device-test.ts';
import './staff-draft.ts';

for (const versions of formVersions) registerForm(...versions);

export { validateRequest, requestType } from './registry.ts';
