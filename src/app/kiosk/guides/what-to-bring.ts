import { assessDocuments, issuanceRoute } from '#domain/eligibility.ts';
import type { IsoDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import type { DocumentId } from '#domain/rules/documents.ts';
import { assessMitIdDocuments, mitIdDocumentRules, type MitIdDocumentId } from '#domain/rules/mitid-documents.ts';
import type { Scheme } from '#domain/scheme.ts';

export interface CheckerAnswers {
  scheme: Scheme;
  /** The seeds' NemID list. */
  documents: readonly DocumentId[];
  /** MitID's own list. */
  mitIdDocuments: readonly MitIdDocumentId[];
  questions: 'yes' | 'no' | 'unknown';
  witness: 'yes' | 'no';
}

/**
 * What the "What to bring" checker says:
 * - 'start': nothing ticked yet, so nothing is judged;
 * - 'missing-cpr': photo ID (or enough papers), but nothing shows the CPR number;
 * - 'no-photo-id' (MitID) / 'not-enough-id' (NemID): not enough to prove identity;
 * - otherwise the route: 'immediate', 'posted' (NemID only) or 'bring-witness'.
 */
export type CheckerResult = 'start' | 'missing-cpr' | 'no-photo-id' | 'not-enough-id' | 'immediate' | 'posted' | 'bring-witness';

export function checkerResult(a: CheckerAnswers, today: IsoDate): CheckerResult {
  const confirmed = a.questions === 'yes' || a.witness === 'yes';
  if (a.scheme === 'mitid') {
    const documents = assessMitIdDocuments(a.mitIdDocuments, ruleOn(mitIdDocumentRules, today));
    if (documents === 'nothing-ticked') return 'start';
    if (documents !== 'enough') return documents;
    // mitid.dk: answer questions from the CPR register or bring a witness; MitID is not posted.
    return confirmed ? 'immediate' : 'bring-witness';
  }
  if (a.documents.length === 0) return 'start';
  const documents = assessDocuments(a.documents, today);
  if (documents === 'missing-cpr') return 'missing-cpr';
  if (documents === 'insufficient') return 'not-enough-id';
  return issuanceRoute(
    {
      scheme: 'nemid',
      documents: a.documents,
      canAnswerControlQuestions: a.questions === 'yes' ? true : a.questions === 'no' ? false : 'unknown',
      hasWitness: a.witness === 'yes',
    },
    today,
  );
}
