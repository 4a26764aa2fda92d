import { keyCardOptions } from '#domain/rules/authenticators.ts';
import { idDocuments } from '#domain/rules/documents.ts';
import type { FormDefinition } from '../engine/types.ts';

const keyCardChoices = keyCardOptions.map((o) => ({ value: o.id, labelKey: `rules:${o.labelKey}` }));
const needsDanishPhone = keyCardOptions.filter((o) => o.needsDanishPhone).map((o) => o.id);

/**
 * Lost NemID key card or forgotten password, schema version 1. Shipped: never edit; add a v2 file
 * instead. seeds/000: a new one at Borgerservice on showing valid photo ID, so the request only
 * prepares the case; staff see the photo ID at the counter. Voice response needs a Danish phone
 * number (seeds/002). Listed only where the municipality offers NemID (catalog.ts).
 */
export const lostKeyCardV1: FormDefinition = {
  id: 'lost-key-card',
  type: 'lost-key-card',
  schemaVersion: 1,
  steps: [
    {
      id: 'what',
      fields: [
        { name: 'which', kind: 'choice', required: true, personal: false, options: [{ value: 'key-card' }, { value: 'password' }, { value: 'both' }] },
        { name: 'keyCard', kind: 'choice', required: true, personal: false, options: keyCardChoices, showIf: { field: 'which', equals: ['key-card', 'both'] } },
        {
          name: 'voicePhone',
          kind: 'phone',
          required: true,
          personal: true,
          hintKey: 'fields.voicePhone.hint',
          pattern: /^\d{8}$/,
          errorKeys: { format: 'fields.voicePhone.danishOnly' },
          showIf: { field: 'keyCard', equals: needsDanishPhone },
        },
      ],
    },
    {
      id: 'you',
      introKeys: ['photoId'],
      introListKeys: () => Object.values(idDocuments).filter((d) => d.kind === 'photo').map((d) => `rules:${d.labelKey}`),
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
      ],
    },
  ],
  receiptKeys: ['receipt.counter'],
};
