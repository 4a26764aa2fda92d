import { otherPersonCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Read access to my Digital Post for another person, schema version 2. Shipped: never edit; add a
 * v3 file instead. Changes from v1: the reader is another person (not the citizen's own CPR
 * number), which a caseworker would otherwise send back.
 * seeds/000: "give en anden person læseadgang til din digitale postkasse". The person who reads
 * uses their own digital ID, so the caseworker needs who they are and how far the access goes.
 */
export const digitalPostReadAccessV2: FormDefinition = {
  id: 'digital-post-read-access',
  type: 'digital-post-read-access',
  schemaVersion: 2,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
      ],
    },
    {
      id: 'reader',
      fields: [
        { name: 'readerName', kind: 'text', required: true, personal: true },
        { name: 'readerCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.readerCpr.notEligible' } },
        { name: 'relation', kind: 'choice', required: true, personal: false, options: [{ value: 'family' }, { value: 'friend' }, { value: 'other' }] },
        { name: 'readerPhone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
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
  checks: [otherPersonCheck('readerCpr')],
};
