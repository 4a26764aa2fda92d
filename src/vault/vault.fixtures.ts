/** Fixtures for the vault's unit tests. Not imported by the app. */

/** Low enough to keep the unit tests fast; the product uses PBKDF2_ITERATIONS. */
export const TEST_ITERATIONS = 1000;
