/** Fixtures for the tablet's unit tests. Not imported by the app. */

/** Every string in every object store of an IndexedDB database (the raw scan the outbox tests use too). */
export { everyStoredString as everyStoredText } from '#outbox/testing.ts';

/** Low enough to keep the unit tests fast; the product uses PBKDF2_ITERATIONS. */
export const TEST_ITERATIONS = 1000;
