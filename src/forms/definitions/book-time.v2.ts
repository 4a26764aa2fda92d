import { nemIdOrderable } from '#domain/rules/nemid-status.ts';
import type { FormDefinition } from '../engine/types.ts';

// The NemID topics only on a day NemID could be ordered (rules/nemid-status.ts).
const nemIdOffered = () => nemIdOrderable(new Date());

/**
 * Book a time at Borgerservice, schema version 2. Shipped: never edit; add a v3 file instead. Beside
 * version 1 it offers a lost or broken MitID authenticator (a new activation code), and the NemID
 * key-card topics only while NemID could be ordered. Staff confirm the time by phone.
 */
export const bookTimeV2: FormDefinition = {
  id: 'book-time',
  type: 'book-time',
  schemaVersion: 2,
  steps: [
    {
      id: 'about',
      fields: [
        {
          name: 'topic',
          kind: 'choice',
          required: true,
          personal: false,
          options: [
            { value: 'get-digital-id' },
            { value: 'mitid-authenticator' },
            { value: 'lost-key-card', offeredIn: (c) => c.schemes.nemid && nemIdOffered() },
            { value: 'extra-key-cards', offeredIn: (c) => c.schemes.nemid && nemIdOffered() },
            { value: 'other' },
          ],
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
