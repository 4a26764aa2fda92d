import { parseCpr } from '#domain/cpr.ts';
import { calendarDate, isIsoDate, type IsoDate } from '#domain/dates.ts';
import { assessDocuments, checkAge, checkWitness } from '#domain/eligibility.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { documentIds, documentRequirements, idDocuments, type DocumentId } from '#domain/rules/documents.ts';
import { witnessLimit, witnessMinimumAge, witnessMitIdExperience } from '#domain/rules/witness.ts';
import type { Scheme } from '#domain/scheme.ts';
import type { Answers, FormCheck, TextValues } from '../engine/types.ts';

/**
 * The rules of a home visit ("udkørende identifikation", seeds/003) as form checks. Every age is
 * counted on the day of the visit (`visitDate`), not on the day the server reads the request: the
 * request may reach the office days later. Each check says nothing while its answers are missing
 * or invalid (the fields report that).
 */

/** The documents a home visit is for: seeds/003 offers it to people with neither passport nor driving licence. */
export const homeVisitDocumentIds: readonly DocumentId[] = documentIds.filter((id) => idDocuments[id].kind === 'secondary');

const schemeOf = (data: Answers): Scheme | undefined => (data.scheme === 'nemid' || data.scheme === 'mitid' ? data.scheme : undefined);

/** The visit day, when it is a date on which the rule data is in force and not after `today`. */
function visitDayOf(data: Answers, today: Date): IsoDate | undefined {
  const day = data.visitDate;
  if (typeof day !== 'string' || !isIsoDate(day) || day > calendarDate(today)) return undefined;
  try {
    ruleOn(witnessMinimumAge, day);
    return day;
  } catch {
    return undefined;
  }
}

const birthDateOf = (cpr: unknown, day: IsoDate) => {
  // Noon UTC is the same calendar day in Copenhagen, so the CPR century is read as of the visit.
  const parsed = typeof cpr === 'string' ? parseCpr(cpr, new Date(`${day}T12:00:00Z`)) : undefined;
  return parsed?.ok ? parsed.birthDate : undefined;
};

/** Not after today, and not before the rule data begins (there is no rule to count ages by). */
export const visitDateCheck: FormCheck = (data, today) =>
  typeof data.visitDate === 'string' && isIsoDate(data.visitDate) && !visitDayOf(data, today)
    ? [{ path: 'visitDate', code: 'notEligible' }]
    : [];

/** The citizen must have reached the scheme's age on the visit day. */
export const citizenAgeCheck: FormCheck = (data, today) => {
  const day = visitDayOf(data, today);
  const scheme = schemeOf(data);
  const birthDate = day && birthDateOf(data.cpr, day);
  if (!day || !scheme || !birthDate) return [];
  const age = checkAge(birthDate, scheme, day);
  return age.ok ? [] : [{ path: 'cpr', code: 'notEligible', values: { minimumAge: String(age.minimumAge), date: age.eligibleOn } }];
};

/** Two secondary documents, one showing the CPR number (documentRequirements), seen at the visit. */
export const homeVisitDocumentsCheck: FormCheck = (data, today) => {
  const documents = Array.isArray(data.documents) ? data.documents.filter((d): d is DocumentId => homeVisitDocumentIds.includes(d)) : [];
  if (documents.length === 0) return [];
  const day = visitDayOf(data, today) ?? calendarDate(today);
  const assessment = assessDocuments(documents, day);
  if (assessment === 'two-documents') return [];
  const count = String(ruleOn(documentRequirements, day).secondaryDocumentsNeeded);
  return [{ path: 'documents', code: 'notEligible', values: { count, context: assessment } }];
};

/**
 * The witness: old enough on the visit day (rule data). A Danish CPR number is what the CPR field
 * takes; the photo ID and the declaration on honour are declarations the form requires; for MitID
 * the experience and the witness limit are declared by the staff member, who checks them.
 */
export const homeVisitWitnessCheck: FormCheck = (data, today) => {
  const day = visitDayOf(data, today);
  const scheme = schemeOf(data);
  const birthDate = day && birthDateOf(data.witnessCpr, day);
  if (!day || !scheme || !birthDate) return [];
  // MitID's experience and limit are checked by staff (declared below); only the age is the form's.
  const problems = checkWitness({ birthDate, hasDanishCpr: true, photoIdSeen: true, declarationSigned: true }, 'nemid', day);
  return problems.includes('too-young')
    ? [{ path: 'witnessCpr', code: 'notEligible', values: { minimumAge: String(ruleOn(witnessMinimumAge, day)) } }]
    : [];
};

/** The witness rules for the intro of the witness step, from the rule data in force today. */
export const witnessIntroValues: TextValues = (today) => {
  const experience = ruleOn(witnessMitIdExperience, today);
  const limit = ruleOn(witnessLimit, today);
  return {
    minimumAge: String(ruleOn(witnessMinimumAge, today)),
    mitIdDays: String(experience.days),
    context: experience.counting === 'more-than' ? 'moreThan' : 'atLeast',
    times: String(limit.times),
    withinDays: String(limit.withinDays),
  };
};

/** The number of documents for the intro of the documents step. */
export const documentsIntroValues: TextValues = (today) => ({
  count: String(ruleOn(documentRequirements, today).secondaryDocumentsNeeded),
});
