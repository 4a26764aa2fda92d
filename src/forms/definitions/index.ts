import { blockDigitalIdV1 } from './block-digital-id.v1.ts';
import { blockDigitalIdV2 } from './block-digital-id.v2.ts';
import { bookTimeV1 } from './book-time.v1.ts';
import { bookTimeV2 } from './book-time.v2.ts';
import { extraKeyCardsV1 } from './extra-key-cards.v1.ts';
import { lostKeyCardV1 } from './lost-key-card.v1.ts';
import { getDigitalIdV1 } from './get-digital-id.v1.ts';
import { getDigitalIdV2 } from './get-digital-id.v2.ts';
import { changeOfAddressV1 } from './change-of-address.v1.ts';
import { changeOfAddressV2 } from './change-of-address.v2.ts';
import { complaintV1 } from './complaint.v1.ts';
import { complaintV2 } from './complaint.v2.ts';
import { digitalPostExemptionV1 } from './digital-post-exemption.v1.ts';
import { digitalPostExemptionV2 } from './digital-post-exemption.v2.ts';
import { digitalPostReadAccessV1 } from './digital-post-read-access.v1.ts';
import { digitalPostReadAccessV2 } from './digital-post-read-access.v2.ts';
import { digitalPostReadAccessV3 } from './digital-post-read-access.v3.ts';
import { holidayPayV1 } from './holiday-pay.v1.ts';
import { holidayPayV2 } from './holiday-pay.v2.ts';
import { holidayPayV3 } from './holiday-pay.v3.ts';
import { homeVisitV1 } from './home-visit.v1.ts';
import { housingBenefitV1 } from './housing-benefit.v1.ts';
import { housingBenefitV2 } from './housing-benefit.v2.ts';
import { housingBenefitV3 } from './housing-benefit.v3.ts';
import { powerOfAttorneyV1 } from './power-of-attorney.v1.ts';
import { powerOfAttorneyV2 } from './power-of-attorney.v2.ts';
import { powerOfAttorneyV3 } from './power-of-attorney.v3.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Every form, each with all its shipped versions, oldest first. The last is the one the kiosk
 * shows; the older ones stay so that envelopes queued by an older app still validate.
 */
export const formVersions: readonly (readonly FormDefinition[])[] = [
  [changeOfAddressV1, changeOfAddressV2],
  [housingBenefitV1, housingBenefitV2, housingBenefitV3],
  [holidayPayV1, holidayPayV2, holidayPayV3],
  [digitalPostExemptionV1, digitalPostExemptionV2],
  [digitalPostReadAccessV1, digitalPostReadAccessV2, digitalPostReadAccessV3],
  [powerOfAttorneyV1, powerOfAttorneyV2, powerOfAttorneyV3],
  [complaintV1, complaintV2],
  [blockDigitalIdV1, blockDigitalIdV2],
  [bookTimeV1, bookTimeV2],
  [extraKeyCardsV1],
  [lostKeyCardV1],
  [getDigitalIdV1, getDigitalIdV2],
  [homeVisitV1],
];

export const currentForms: readonly FormDefinition[] = formVersions.map((versions) => versions.at(-1)!);

export const findForm = (id: string) => currentForms.find((f) => f.id === id);
