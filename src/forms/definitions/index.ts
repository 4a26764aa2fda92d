import { changeOfAddressV1 } from './change-of-address.v1.ts';
import { digitalPostExemptionV1 } from './digital-post-exemption.v1.ts';
import { digitalPostReadAccessV1 } from './digital-post-read-access.v1.ts';
import { holidayPayV1 } from './holiday-pay.v1.ts';
import { housingBenefitV1 } from './housing-benefit.v1.ts';
import { powerOfAttorneyV1 } from './power-of-attorney.v1.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Every form, each with all its shipped versions, oldest first. The last is the one the kiosk
 * shows; the older ones stay so that envelopes queued by an older app still validate.
 */
export const formVersions: readonly (readonly FormDefinition[])[] = [
  [changeOfAddressV1],
  [housingBenefitV1],
  [holidayPayV1],
  [digitalPostExemptionV1],
  [digitalPostReadAccessV1],
  [powerOfAttorneyV1],
];

export const currentForms: readonly FormDefinition[] = formVersions.map((versions) => versions.at(-1)!);

export const findForm = (id: string) => currentForms.find((f) => f.id === id);
