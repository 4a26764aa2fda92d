import { ruleOn } from '#domain/rules/dated.ts';
import { digitalFuldmagt } from '#domain/rules/fuldmagt.ts';
import { minimumAgeCheck } from '../engine/checks.ts';
import type { FormCheck, TextValues } from '../engine/types.ts';

/** The rules of Digital Fuldmagt (src/domain/rules/fuldmagt.ts) as form checks and text values. */

const minimumAge = (today: Date) => ruleOn(digitalFuldmagt, today).minimumAge;

/** The giver and the holder are both at least the rule's age. */
export const giverAgeCheck = minimumAgeCheck('cpr', minimumAge);
export const holderAgeCheck = minimumAgeCheck('attorneyCpr', minimumAge);

/** At least one of the two has MitID; the error is on the holder's answer, the last one given. */
export const oneHasMitIdCheck: FormCheck = (data, today) =>
  ruleOn(digitalFuldmagt, today).oneMustHaveMitId && data.hasMitId === false && data.attorneyHasMitId === false
    ? [{ path: 'attorneyHasMitId', code: 'notEligible', values: { context: 'neither' } }]
    : [];

/** The age for the texts. */
export const fuldmagtValues: TextValues = (today) => ({ age: String(minimumAge(today)) });

/** Whether the giver has MitID picks the receipt's text (context "letter": sign the posted letter). */
export const receiptValues: TextValues = (_today, data) => ({ context: data.hasMitId === false ? 'letter' : 'mitid' });
