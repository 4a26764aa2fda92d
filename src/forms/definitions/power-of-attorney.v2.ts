import { otherPersonCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Digital Fuldmagt to a relative, schema version 2. Shipped: never edit; add a v3 file instead.
 * Changes from v1: the attorney is another person (not the citizen's own CPR number), which a
 * caseworker would otherwise send back.
 * seeds/000: "give en pårørende fuldmagt til at handle på dine vegne … Din pårørende skal bruge
 * eget NemID"; only public self-service is covered (a bank is asked directly).
 */
export const powerOfAttorneyV2: FormDefinition = {
  id: 'power-of-attorney',
  type: 'power-of-attorney',
  schemaVersion: 2,
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
        { name: 'attorneyCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.attorneyCpr.notEligible' } },
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
  checks: [otherPersonCheck('attorneyCpr')],
};
