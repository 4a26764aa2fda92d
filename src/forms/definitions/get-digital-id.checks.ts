import { deliveryWindow } from '#domain/business-days.ts';
import { parseCpr } from '#domain/cpr.ts';
import { calendarDate } from '#domain/dates.ts';
import { assessDocuments, checkAge, checkWitness, issuanceRoute, type IssuanceRoute } from '#domain/eligibility.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { documentIds, documentRequirements, type DocumentId } from '#domain/rules/documents.ts';
import { postedDeliveryBusinessDays } from '#domain/rules/issuance.ts';
import { witnessMinimumAge } from '#domain/rules/witness.ts';
import type { Scheme } from '#domain/scheme.ts';
import type { Answers, FieldError, FormCheck, TextValues } from '../engine/types.ts';

/**
 * The rules of "Get a digital ID" (src/domain/eligibility.ts) as form checks: each reads the
 * answers it needs and says nothing while they are missing or invalid (the fields report that).
 */

const schemeOf = (data: Answers): Scheme | undefined => (data.scheme === 'nemid' || data.scheme === 'mitid' ? data.scheme : undefined);
const documentsOf = (data: Answers): DocumentId[] =>
  Array.isArray(data.documents) ? data.documents.filter((d): d is DocumentId => (documentIds as readonly string[]).includes(d)) : [];
const birthDateOf = (cpr: unknown, today: Date) => {
  const parsed = typeof cpr === 'string' ? parseCpr(cpr, today) : undefined;
  return parsed?.ok ? parsed.birthDate : undefined;
};

/** Too young for the scheme: say the age limit and the day it is reached. */
export const ageCheck: FormCheck = (data, today) => {
  const scheme = schemeOf(data);
  const birthDate = birthDateOf(data.cpr, today);
  if (!scheme || !birthDate) return [];
  const age = checkAge(birthDate, scheme, today);
  return age.ok ? [] : [{ path: 'cpr', code: 'notEligible', values: { minimumAge: String(age.minimumAge), date: age.eligibleOn } }];
};

/** Documents that do not prove identity and CPR number: say what would. */
export const documentsCheck: FormCheck = (data, today) => {
  if (documentsOf(data).length === 0) return [];
  const assessment = assessDocuments(documentsOf(data), today);
  if (assessment === 'photo-id' || assessment === 'two-documents') return [];
  const count = String(ruleOn(documentRequirements, today).secondaryDocumentsNeeded);
  return [{ path: 'documents', code: 'notEligible', values: { count, context: assessment } }];
};

/** The route the answers lead to, or undefined while they are incomplete. */
export function routeOf(data: Answers, today: Date): IssuanceRoute | undefined {
  const scheme = schemeOf(data);
  if (!scheme || documentsOf(data).length === 0 || typeof data.confirmBy !== 'string') return undefined;
  return issuanceRoute(
    { scheme, documents: documentsOf(data), canAnswerControlQuestions: data.confirmBy === 'questions', hasWitness: data.confirmBy === 'witness' },
    today,
  );
}

/** MitID is not posted (seeds/004): without control questions the citizen needs a witness. */
export const routeCheck: FormCheck = (data, today) =>
  routeOf(data, today) === 'bring-witness' ? [{ path: 'confirmBy', code: 'notEligible' }] : [];

/**
 * The witness: old enough (rule data). The kiosk cannot see the photo ID or, for MitID, how long
 * the witness has had MitID and how often they have been a witness; the declarations cover the
 * first and staff check the rest at the counter.
 */
export const witnessCheck: FormCheck = (data, today) => {
  const scheme = schemeOf(data);
  const birthDate = birthDateOf(data.witnessCpr, today);
  if (data.confirmBy !== 'witness' || !scheme || !birthDate) return [];
  const problems = checkWitness({ birthDate, hasDanishCpr: true, photoIdSeen: true, declarationSigned: true }, scheme, today);
  const errors: FieldError[] = [];
  if (problems.includes('too-young')) errors.push({ path: 'witnessCpr', code: 'notEligible', values: { minimumAge: String(ruleOn(witnessMinimumAge, today)) } });
  return errors;
};

/**
 * The receipt: today at the counter, or posted within the business-day window of the rule data,
 * skipping weekends, public holidays and the municipality's own closing days (configuration).
 */
export const receiptValues: TextValues = (today, data, config) => {
  const route = routeOf(data, today) ?? 'immediate';
  const { min, max } = ruleOn(postedDeliveryBusinessDays, today);
  const window = deliveryWindow(calendarDate(today), min, max, config?.closingDays ?? []);
  return { context: route === 'posted' ? 'posted' : 'immediate', earliest: window.earliest, latest: window.latest };
};
