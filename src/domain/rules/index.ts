import type { DatedRule } from './dated.ts';
import { digitalPostAge, minimumAge } from './age-limits.ts';
import { abroadCollectionFee, collectionInDenmarkFee } from './abroad.ts';
import { blockingLines, complaintLetterTitles, complaintRecipient, mitIdSupport, nemIdSupport } from './contacts.ts';
import { mitIdChip, mitIdOnlyWithoutHelp, mitIdUserId, professionalWitnessOffered } from './mitid.ts';
import { mitIdDocumentRules } from './mitid-documents.ts';
import { nemIdPhase } from './nemid-status.ts';
import { digitalPostExemption } from './digital-post.ts';
import { documentRequirements } from './documents.ts';
import { controlQuestions, postedDeliveryBusinessDays } from './issuance.ts';
import {
  extraKeyCardsAtCounter,
  extraKeyCardsOnline,
  keyAppMinimumUnusedKeys,
  newKeyCardAtRemainingKeys,
  renewalYears,
} from './key-cards.ts';
import { moveReporting } from './moving.ts';
import { doctorDistance } from './doctor.ts';
import { housingBenefitBackdating } from './housing.ts';
import { housingBenefitProcessing } from './housing.ts';
import { digitalPostExemptionScope, digitalPostReadAccess } from './digital-post.ts';
import { digitalFuldmagt } from './fuldmagt.ts';
import { holidayPay } from './holiday-pay.ts';
import { witnessLimit, witnessMinimumAge, witnessMitIdExperience } from './witness.ts';

export * from './dated.ts';
export * from './age-limits.ts';
export * from './abroad.ts';
export * from './authenticators.ts';
export * from './contacts.ts';
export * from './digital-post.ts';
export * from './documents.ts';
export * from './holidays.ts';
export * from './issuance.ts';
export * from './key-cards.ts';
export * from './labels.ts';
export * from './timeline.ts';
export * from './witness.ts';
export * from './moving.ts';
export * from './doctor.ts';
export * from './housing.ts';
export * from './mitid.ts';
export * from './mitid-documents.ts';
export * from './nemid-status.ts';
export * from './fuldmagt.ts';
export * from './holiday-pay.ts';

/** Every dated rule by name, so one test can check all their data (dates, order, overlaps, sources). */
export const allDatedRules: Record<string, readonly DatedRule<unknown>[]> = {
  'minimumAge.nemid': minimumAge.nemid,
  'minimumAge.mitid': minimumAge.mitid,
  digitalPostAge,
  witnessMinimumAge,
  witnessMitIdExperience,
  witnessLimit,
  documentRequirements,
  controlQuestions,
  postedDeliveryBusinessDays,
  extraKeyCardsAtCounter,
  extraKeyCardsOnline,
  newKeyCardAtRemainingKeys,
  keyAppMinimumUnusedKeys,
  renewalYears,
  abroadCollectionFee,
  collectionInDenmarkFee,
  nemIdSupport,
  blockingLines,
  mitIdSupport,
  complaintRecipient,
  digitalPostExemption,
  moveReporting,
  doctorDistance,
  housingBenefitBackdating,
  complaintLetterTitles,
  mitIdChip,
  mitIdUserId,
  mitIdOnlyWithoutHelp,
  professionalWitnessOffered,
  mitIdDocumentRules,
  nemIdPhase,
  housingBenefitProcessing,
  digitalPostExemptionScope,
  digitalPostReadAccess,
  digitalFuldmagt,
  holidayPay,
};
