import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

/**
 * Whether a staff password is good enough. Length alone lets `111111111111` through, so the
 * password must also resist guessing: zxcvbn estimates how many guesses an attacker who knows
 * common passwords, keyboard patterns, repeats and the username would need, and we ask for its
 * score 3 ("safely unguessable", under 10^10 guesses is too few), as NIST SP 800-63B asks for
 * checking new passwords against lists of common and compromised ones. Server only: the
 * dictionaries are about 2 MB, not for the browser.
 */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username' | 'too_common';

let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

/** The first thing wrong with the password, or undefined when it may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'same_as_username';
  // Only the first 100 characters are estimated: the cost grows with length, and longer is strong anyway.
  if (strength().check(password.slice(0, 100), [username]).score < MIN_PASSWORD_SCORE) return 'too_common';
  return undefined;
}

/** A message a developer or an operator can act on; the back office shows its own text per problem. */
export function passwordProblemMessage(problem: PasswordProblem, username: string): string {
  switch (problem) {
    case 'too_short':
    case 'too_long':
      return `The password for ${username} must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long.`;
    case 'same_as_username':
      return `The password for ${username} must not be the username.`;
    case 'too_common':
      return `The password for ${username} is too easy to guess (a common password, a pattern or a repeat): use a few unrelated words.`;
  }
}

export class WeakPasswordError extends Error {
  constructor(readonly problem: PasswordProblem, username: string) {
    super(passwordProblemMessage(problem, username));
  }
}
