/** The rule for names and labels staff type lives in the contract, so the OpenAPI document and the back office share it. */
export { displayName, hasVisibleText } from '#contract/plain-text.ts';
