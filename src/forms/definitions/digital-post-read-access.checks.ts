import { ruleOn } from '#domain/rules/dated.ts';
import { digitalPostReadAccess } from '#domain/rules/digital-post.ts';
import { minimumAgeCheck } from '../engine/checks.ts';
import type { TextValues } from '../engine/types.ts';

/** The rules of access to another person's Digital Post (src/domain/rules/digital-post.ts) as checks. */

const minimumAge = (today: Date) => ruleOn(digitalPostReadAccess, today).minimumAge;

/** The citizen who gives access and the person who reads are both at least the rule's age. */
export const giverAgeCheck = minimumAgeCheck('cpr', minimumAge);
export const readerAgeCheck = minimumAgeCheck('readerCpr', minimumAge);

/** The age for the texts. */
export const readAccessValues: TextValues = (today) => ({ age: String(minimumAge(today)) });
