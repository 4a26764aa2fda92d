import { ruleOn } from '#domain/rules/dated.ts';
import { assessMitIdDocuments, mitIdDocumentIds, mitIdDocumentRules, type MitIdDocumentId } from '#domain/rules/mitid-documents.ts';
import { mitIdChip, mitIdOnlyWithoutHelp, mitIdUserId, professionalWitnessOffered } from '#domain/rules/mitid.ts';
import { witnessLimit, witnessMinimumAge, witnessMitIdExperience } from '#domain/rules/witness.ts';
import type { FormCheck, TextValues } from '../engine/types.ts';
import { receiptValues as receiptValuesV1 } from './get-digital-id.checks.ts';

/**
 * The rules version 2 adds to "Get a digital ID": MitID's own document list, the refusal of MitID to a citizen who cannot use it without help, and no posting
 * of MitID. Each says nothing while the answers it needs are missing (the fields report that).
 */

const mitIdDocumentsOf = (data: Record<string, unknown>): MitIdDocumentId[] =>
  Array.isArray(data.mitIdDocuments)
    ? data.mitIdDocuments.filter((d): d is MitIdDocumentId => (mitIdDocumentIds as readonly string[]).includes(d))
    : [];

/** Borgerservice must refuse MitID to a citizen who cannot use it without help: say what to do instead. */
export const ownUseCheck: FormCheck = (data, today) =>
  data.scheme === 'mitid' && data.canUseAlone === false && ruleOn(mitIdOnlyWithoutHelp, today)
    ? [{ path: 'canUseAlone', code: 'notEligible' }]
    : [];

/** MitID's documents: photo ID, and the CPR number on it or on another document. */
export const mitIdDocumentsCheck: FormCheck = (data, today) => {
  if (data.scheme !== 'mitid') return [];
  const assessment = assessMitIdDocuments(mitIdDocumentsOf(data), ruleOn(mitIdDocumentRules, today));
  if (assessment === 'enough' || assessment === 'nothing-ticked') return [];
  return [{ path: 'mitIdDocuments', code: 'notEligible', values: { context: assessment } }];
};

/** MitID is not posted: without control questions the citizen needs a witness. */
export const mitIdRouteCheck: FormCheck = (data) =>
  data.scheme === 'mitid' && data.confirmBy === 'post' ? [{ path: 'confirmBy', code: 'notEligible' }] : [];

/** The witness rules of the scheme in force on the day, for the witness step. */
export const witnessValues: TextValues = (today, data) => {
  const { days } = ruleOn(witnessMitIdExperience, today);
  const { times, withinDays } = ruleOn(witnessLimit, today);
  const values: Record<string, string> = {
    age: String(ruleOn(witnessMinimumAge, today)),
    days: String(days),
    times: String(times),
    withinDays: String(withinDays),
  };
  if (data.scheme === 'nemid') values.context = 'nemid';
  else if (ruleOn(professionalWitnessOffered, today)) values.context = 'mitid';
  return values;
};

/** The user-ID rule and the chip's price and delivery, for the authenticator step. */
export const authenticatorValues: TextValues = (today) => {
  const userId = ruleOn(mitIdUserId, today);
  const chip = ruleOn(mitIdChip, today);
  return {
    min: String(userId.minLength),
    max: String(userId.maxLength),
    // Kroner and øre apart, so that each language writes its own decimal separator (143,60 / 143.60).
    chipKroner: String(Math.trunc(chip.kroner)),
    chipOre: String(Math.round((chip.kroner % 1) * 100)).padStart(2, '0'),
    chipMin: String(chip.deliveryDays.min),
    chipMax: String(chip.deliveryDays.max),
  };
};

/** The receipt: as version 1, and MitID is always given at the counter. */
export const receiptValuesV2: TextValues = (today, data, config) => {
  if (data.scheme === 'mitid') return { ...receiptValuesV1(today, data, config), context: 'immediate' };
  return receiptValuesV1(today, data, config);
};
