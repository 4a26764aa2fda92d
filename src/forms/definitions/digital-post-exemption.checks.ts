import { ruleOn } from '#domain/rules/dated.ts';
import { digitalPostAge } from '#domain/rules/age-limits.ts';
import { digitalPostExemptionScope } from '#domain/rules/digital-post.ts';
import { minimumAgeCheck } from '../engine/checks.ts';
import type { TextValues } from '../engine/types.ts';

/**
 * The person to exempt has a Digital Post mailbox, which citizens get at the rule's age: below it
 * there is nothing to be exempted from.
 */
export const exemptAgeCheck = minimumAgeCheck('cpr', (today) => ruleOn(digitalPostAge, today));

/** What an exemption covers, for the texts (the months of unopened post, the self-service date). */
export const scopeValues: TextValues = (today) => {
  const { forwardUnopenedMonths, selfServiceExemptionFrom } = ruleOn(digitalPostExemptionScope, today);
  return { months: String(forwardUnopenedMonths), since: selfServiceExemptionFrom };
};
