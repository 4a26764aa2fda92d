import { ageOn, dateOfTurning } from './age.ts';
import { calendarDate, daysBetween, type IsoDate } from './dates.ts';
import type { Scheme } from './scheme.ts';
import { minimumAge } from './rules/age-limits.ts';
import { ruleOn } from './rules/dated.ts';
import { documentRequirements, idDocuments, type DocumentId } from './rules/documents.ts';
import { witnessLimit, witnessMinimumAge, witnessMitIdExperience } from './rules/witness.ts';

export type AgeCheck =
  | { ok: true; age: number; minimumAge: number }
  | { ok: false; reason: 'too-young'; age: number; minimumAge: number; eligibleOn: IsoDate };

/** Whether a citizen is old enough for the scheme today, and if not, from which day they will be. */
export function checkAge(birthDate: IsoDate, scheme: Scheme, today: Date | IsoDate): AgeCheck {
  const required = ruleOn(minimumAge[scheme], today);
  const age = ageOn(birthDate, today);
  if (age >= required) return { ok: true, age, minimumAge: required };
  return { ok: false, reason: 'too-young', age, minimumAge: required, eligibleOn: dateOfTurning(birthDate, required) };
}

/**
 * What the documents a citizen has with them are worth:
 * - 'photo-id': valid photo ID, with the CPR number shown on it or on another document;
 * - 'two-documents': no photo ID, but enough secondary documents, one showing the CPR number;
 * - 'missing-cpr': enough documents, but none shows the CPR number;
 * - 'insufficient': neither photo ID nor enough secondary documents.
 */
export type DocumentsAssessment = 'photo-id' | 'two-documents' | 'missing-cpr' | 'insufficient';

export function assessDocuments(documents: readonly DocumentId[], today: Date | IsoDate): DocumentsAssessment {
  const { secondaryDocumentsNeeded, cprMustBeShown } = ruleOn(documentRequirements, today);
  const held = [...new Set(documents)].map((id) => idDocuments[id]);
  const cprShown = !cprMustBeShown || held.some((d) => d.showsCpr);
  // seeds/000, 002: photo ID is a passport or a driving licence.
  if (held.some((d) => d.kind === 'photo')) return cprShown ? 'photo-id' : 'missing-cpr';
  // seeds/002: "2 andre typer af legitimation, hvoraf det ene skal indeholde cpr-nr."
  if (held.filter((d) => d.kind === 'secondary').length >= secondaryDocumentsNeeded) {
    return cprShown ? 'two-documents' : 'missing-cpr';
  }
  return 'insufficient';
}

export interface IssuanceFacts {
  scheme: Scheme;
  documents: readonly DocumentId[];
  /** 'unknown' when the citizen may have too few data in the CPR register (foreigners, short stays). */
  canAnswerControlQuestions: boolean | 'unknown';
  hasWitness: boolean;
}

/**
 * - 'immediate': issued at the counter today;
 * - 'posted': ordered now, key card and temporary password posted (3-11 business days);
 * - 'bring-witness': come back with a witness to get it today (for NemID it can also be posted);
 * - 'not-enough-id': the documents do not prove identity and CPR number; see assessDocuments.
 */
export type IssuanceRoute = 'immediate' | 'posted' | 'bring-witness' | 'not-enough-id';

/** How a citizen can get a digital ID at Borgerservice with what they have with them. */
export function issuanceRoute(facts: IssuanceFacts, today: Date | IsoDate): IssuanceRoute {
  const documents = assessDocuments(facts.documents, today);
  if (documents === 'missing-cpr' || documents === 'insufficient') return 'not-enough-id';
  const identityConfirmed = facts.canAnswerControlQuestions === true || facts.hasWitness;

  if (facts.scheme === 'mitid') {
    // seeds/004: at Borgerservice "medbringe gyldig legitimation" and "svare på et antal spørgsmål …
    // eller medbringe et vidne"; "Her vil du få MitID med det samme". The seed has no posted route.
    return identityConfirmed ? 'immediate' : 'bring-witness';
  }

  // seeds/000: without photo ID, "Så kan der bestilles et NemID, som vil blive sendt til din adresse."
  if (documents === 'two-documents') return 'posted';
  // seeds/003: immediate with valid ID "og desuden besvare 2-4 kontrolspørgsmål korrekt eller stille med et
  // vitterlighedsvidne".
  if (identityConfirmed) return 'immediate';
  // seeds/003: "Er du udlænding eller har du kun opholdt dig i Danmark i kort tid, bør du for en sikkerheds
  // skyld medbringe et vitterlighedsvidne."
  if (facts.canAnswerControlQuestions === 'unknown') return 'bring-witness';
  // seeds/003: "Hvis du ikke kan stille med et vitterlighedsvide eller besvare kontrolspørgsmålene, bliver dit
  // nøglekort og midlertidig adgangskode sendt til din folkeregisteradresse indenfor 3-11 hverdage."
  return 'posted';
}

export interface WitnessFacts {
  birthDate: IsoDate;
  hasDanishCpr: boolean;
  photoIdSeen: boolean;
  declarationSigned: boolean;
  /** MitID only: the day the witness got MitID; missing when they have none. */
  mitIdSince?: IsoDate;
  /** MitID only: the days this person has been a witness before. */
  earlierWitnessDates?: readonly IsoDate[];
}

export type WitnessProblem =
  | 'too-young'
  | 'no-danish-cpr'
  | 'photo-id-not-seen'
  | 'declaration-not-signed'
  | 'no-mitid'
  | 'mitid-too-new'
  | 'witness-limit-reached';

/** Every reason the person cannot be the witness; an empty list means they can. */
export function checkWitness(witness: WitnessFacts, scheme: Scheme, today: Date | IsoDate): WitnessProblem[] {
  const day = calendarDate(today);
  const problems: WitnessProblem[] = [];
  // seeds/001, 003: at least 18, a Danish CPR number, own valid photo ID, and a signed declaration on honour.
  if (ageOn(witness.birthDate, day) < ruleOn(witnessMinimumAge, day)) problems.push('too-young');
  if (!witness.hasDanishCpr) problems.push('no-danish-cpr');
  if (!witness.photoIdSeen) problems.push('photo-id-not-seen');
  if (!witness.declarationSigned) problems.push('declaration-not-signed');
  if (scheme === 'mitid') problems.push(...mitIdWitnessProblems(witness, day));
  return problems;
}

function mitIdWitnessProblems(witness: WitnessFacts, day: IsoDate): WitnessProblem[] {
  const problems: WitnessProblem[] = [];
  if (witness.mitIdSince === undefined) {
    problems.push('no-mitid');
  } else {
    const { days, counting } = ruleOn(witnessMitIdExperience, day);
    const held = daysBetween(witness.mitIdSince, day);
    if (counting === 'at-least' ? held < days : held <= days) problems.push('mitid-too-new');
  }
  // The window is the last `withinDays` days including today: a witness on day D still counts on
  // day D + withinDays - 1 and no longer on day D + withinDays.
  const { times, withinDays } = ruleOn(witnessLimit, day);
  const recent = (witness.earlierWitnessDates ?? []).filter((d) => {
    const ago = daysBetween(d, day);
    return ago >= 0 && ago < withinDays;
  });
  if (recent.length >= times) problems.push('witness-limit-reached');
  return problems;
}
