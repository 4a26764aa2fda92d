import type { FormDefinition } from '../engine/types.ts';

/**
 * Digital Fuldmagt to a relative, schema version 1. Shipped: never edit; add a v2 file instead.
 * seeds/000: "give en pårørende fuldmagt til at handle på dine vegne … Din pårørende skal bruge
 * eget NemID"; only public self-service is covered (a bank is asked directly).
 */
export const powerOfAttorneyV1: FormDefinition = {
  id: 'power-of-attorney',
  type: 'power-of-attorney',
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
      id: 'attorney',
      introKeys: ['attorneyIntro'],
      fields: [
        { name: 'attorneyName', kind: 'text', required: true, personal: true },
        { name: 'attorneyCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'relation', kind: 'choice', required: true, personal: false, options: [{ value: 'spouse' }, { value: 'child' }, { value: 'parent' }, { value: 'sibling' }, { value: 'other' }] },
      ],
    },
    {
      id: 'scope',
      fields: [
        { name: 'scope', kind: 'choice', required: true, personal: false, options: [{ value: 'all' }, { value: 'selected' }] },
        { name: 'areas', kind: 'multi-choice', required: true, personal: false, showIf: { field: 'scope', equals: 'selected' }, options: [{ value: 'tax' }, { value: 'pension' }, { value: 'health' }, { value: 'housing' }, { value: 'benefits' }] },
        { name: 'hasEndDate', kind: 'yes-no', required: true, personal: false },
        { name: 'endDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', showIf: { field: 'hasEndDate', equals: true } },
      ],
    },
    {
      id: 'sign',
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
};
