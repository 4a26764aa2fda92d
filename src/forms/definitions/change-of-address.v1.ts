import type { FormDefinition } from '../engine/types.ts';

/**
 * Change of address ("flytning"), schema version 1. Shipped: never edit; add a v2 file instead.
 * What the caseworker needs to register the move in CPR: who moves, when, to where, c/o, and
 * whether the citizen wants a new doctor (seeds/000: "adresseskift" via blanket at Borgerservice).
 */
export const changeOfAddressV1: FormDefinition = {
  id: 'change-of-address',
  type: 'change-of-address',
  schemaVersion: 1,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
    {
      id: 'move',
      fields: [
        { name: 'movingDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date' },
        { name: 'newAddress', kind: 'address', required: true, personal: true },
        { name: 'hasCareOf', kind: 'yes-no', required: true, personal: false },
        { name: 'careOf', kind: 'text', required: true, personal: true, showIf: { field: 'hasCareOf', equals: true } },
      ],
    },
    {
      id: 'others',
      fields: [
        { name: 'othersMoving', kind: 'yes-no', required: true, personal: false },
        {
          name: 'movers',
          kind: 'group',
          required: true,
          personal: true,
          maxRows: 10,
          showIf: { field: 'othersMoving', equals: true },
          fields: [
            { name: 'moverName', kind: 'text', required: true, personal: true },
            { name: 'moverCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
          ],
        },
      ],
    },
    {
      id: 'doctor',
      introKeys: ['doctorIntro'],
      fields: [
        { name: 'newDoctor', kind: 'yes-no', required: true, personal: false },
        {
          name: 'doctorChoice',
          kind: 'choice',
          required: true,
          personal: false,
          showIf: { field: 'newDoctor', equals: true },
          options: [{ value: 'nearest' }, { value: 'named' }],
        },
        {
          name: 'doctorName',
          kind: 'text',
          required: true,
          personal: false,
          showIf: { field: 'doctorChoice', equals: 'named' },
        },
      ],
    },
  ],
};
