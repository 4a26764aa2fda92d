import { keyCardOptions } from '#domain/rules/authenticators.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { extraKeyCardsAtCounter } from '#domain/rules/key-cards.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Extra NemID key cards, schema version 1. Shipped: never edit; add a v2 file instead. Listed only
 * where the municipality offers NemID (catalog.ts schemeOnlyForms), and only while NemID could be
 * ordered (the kiosk leads to MitID after that). The largest number is frozen at the rule's value
 * on NemID's last ordering day, so that this version means the same whenever it is loaded; a new
 * rule value means a new version of this form.
 */
const maxCards = ruleOn(extraKeyCardsAtCounter, '2023-05-30');

/** seeds/000 offers extra key cards in standard or extra-large print; voice response is not a card. */
const printOptions = keyCardOptions.filter((o) => o.id !== 'voice-response').map((o) => ({ value: o.id, labelKey: `rules:${o.labelKey}` }));

export const extraKeyCardsV1: FormDefinition = {
  id: 'extra-key-cards',
  type: 'extra-key-cards',
  schemaVersion: 1,
  steps: [
    {
      id: 'cards',
      introKeys: ['intro'],
      introValues: () => ({ max: String(maxCards) }),
      fields: [
        {
          name: 'count',
          kind: 'number',
          required: true,
          personal: false,
          min: 1,
          max: maxCards,
          // The shared number messages speak of kroner; a count of key cards needs its own words.
          errorKeys: { required: 'fields.count.required', format: 'fields.count.format', range: 'fields.count.range' },
        },
        { name: 'print', kind: 'choice', required: true, personal: false, options: printOptions },
      ],
    },
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
      ],
    },
  ],
  receiptKeys: ['receipt.collect'],
};
