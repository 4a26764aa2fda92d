import type { FormDefinition } from '../engine/types.ts';

/**
 * Book a time at Borgerservice, schema version 1. Shipped: never edit; add a v2 file instead.
 * It is a request: the kiosk may be offline and cannot reserve the time, so staff confirm it by
 * phone. The times come from the configured opening hours (src/domain/slots.ts).
 */
export const bookTimeV1: FormDefinition = {
  id: 'book-time',
  type: 'book-time',
  schemaVersion: 1,
  steps: [
    {
      id: 'about',
      fields: [
        {
          name: 'topic',
          kind: 'choice',
          required: true,
          personal: false,
          options: [{ value: 'get-digital-id' }, { value: 'lost-key-card' }, { value: 'extra-key-cards' }, { value: 'other' }],
        },
        { name: 'topicOther', kind: 'text', required: true, personal: false, showIf: { field: 'topic', equals: 'other' } },
      ],
    },
    { id: 'time', fields: [{ name: 'time', kind: 'slot', required: true, personal: false }] },
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'phone', kind: 'phone', required: true, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
  ],
  receiptKeys: ['receipt.time', 'receipt.confirm'],
};
