import type { Answers } from '../engine/types.ts';

/**
 * A complete, valid payload for every form, as a caseworker would receive it. The unit tests
 * check each form's schema against these; the CPR numbers are made up (no modulus-11 needed).
 */
const signature = { method: 'typed', name: 'Karen Hansen' };

export const examplePayloads: Record<string, Answers> = {
  'change-of-address': {
    name: 'Karen Hansen',
    cpr: '0101901234',
    movingDate: '2026-12-01',
    newAddress: { street: 'Østergade', number: '12', floor: '2', door: 'th', postcode: '8000', town: 'Aarhus C' },
    hasCareOf: false,
    othersMoving: true,
    movers: [{ moverName: 'Ida Hansen', moverCpr: '1505152345' }],
    newDoctor: true,
    doctorChoice: 'nearest',
  },
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
