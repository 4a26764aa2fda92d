import type { Answers } from '../engine/types.ts';

/**
 * Complete payloads of the shipped versions that a newer version replaced, as an older kiosk
 * queued them: the unit tests check that the server still accepts them (and the new version does not).
 */
const signature = { method: 'typed', name: 'Karen Hansen' };

/** Version 2 of holiday pay, housing benefit, read access and power of attorney; version 1 of the exemption. */
export const shippedExamples: Record<string, Answers> = {
  'housing-benefit': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    address: { street: 'Østergade', number: '12', postcode: '8000', town: 'Aarhus C' },
    housingType: 'rented',
    movedInDate: '2024-03-01',
    rent: 6500,
    area: 65,
    othersInHome: false,
    income: 250000,
    assets: false,
    declaration: true,
    signature,
  },
  'holiday-pay': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    reason: 'holiday',
    amountChoice: 'days',
    days: 5,
    periodFrom: '2026-07-01',
    periodTo: '2026-07-07',
    regNo: '1234',
    accountNo: '1234567890',
    declaration: true,
    signature,
  },
  'digital-post-exemption': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    hasPostalAddress: false,
    declaration: true,
    signature,
  },
  'digital-post-read-access': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    readerName: 'Ole Hansen',
    readerCpr: '0202602345',
    relation: 'family',
    hasEndDate: false,
    declaration: true,
    signature,
  },
  'power-of-attorney': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    attorneyName: 'Ole Hansen',
    attorneyCpr: '0202602345',
    relation: 'child',
    scope: 'selected',
    areas: ['tax', 'health'],
    hasEndDate: true,
    endDate: '2027-12-31',
    declaration: true,
    signature,
  },
};
