import type { FormDefinition } from '../engine/types.ts';

/**
 * Housing benefit ("boligstøtte"), schema version 1. Shipped: never edit; add a v2 file instead.
 * Udbetaling Danmark decides on the household's income and the rent; the caseworker needs the
 * address, who lives there, the rent and what the household earns (seeds/000: "søge boligstøtte").
 */
export const housingBenefitV1: FormDefinition = {
  id: 'housing-benefit',
  type: 'housing-benefit',
  schemaVersion: 1,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
        { name: 'email', kind: 'email', required: false, personal: true },
      ],
    },
    {
      id: 'home',
      fields: [
        { name: 'address', kind: 'address', required: true, personal: true },
        { name: 'housingType', kind: 'choice', required: true, personal: false, options: [{ value: 'rented' }, { value: 'cooperative' }, { value: 'room' }] },
        { name: 'movedInDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date' },
        { name: 'rent', kind: 'number', required: true, personal: false, min: 1, max: 100_000, hintKey: 'fields.rent.hint' },
        { name: 'area', kind: 'number', required: true, personal: false, min: 1, max: 1000, hintKey: 'fields.area.hint' },
      ],
    },
    {
      id: 'household',
      fields: [
        { name: 'othersInHome', kind: 'yes-no', required: true, personal: false },
        {
          name: 'members',
          kind: 'group',
          required: true,
          personal: true,
          maxRows: 12,
          showIf: { field: 'othersInHome', equals: true },
          fields: [
            { name: 'memberName', kind: 'text', required: true, personal: true },
            { name: 'memberCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
            { name: 'memberIncome', kind: 'number', required: true, personal: true, min: 0, max: 10_000_000, hintKey: 'fields.memberIncome.hint' },
          ],
        },
      ],
    },
    {
      id: 'income',
      fields: [
        { name: 'income', kind: 'number', required: true, personal: true, min: 0, max: 10_000_000, hintKey: 'fields.income.hint' },
        { name: 'assets', kind: 'yes-no', required: true, personal: true },
        { name: 'notes', kind: 'multi-line', required: false, personal: true },
      ],
    },
  ],
};
