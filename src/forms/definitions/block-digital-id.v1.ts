import { blockingLines, mitIdSupport } from '../../domain/rules/contacts.ts';
import { ruleOn } from '../../domain/rules/dated.ts';
import type { FormDefinition, TextValues } from '../engine/types.ts';

/** The numbers that block a digital ID now, from the rule data in force. */
const lineValues: TextValues = (today) => {
  const lines = ruleOn(blockingLines, today);
  return { citizen: lines.citizen.phone, business: lines.business.phone, mitid: ruleOn(mitIdSupport, today).phone };
};

/**
 * Block a digital ID, schema version 1. Shipped: never edit; add a v2 file instead. A request
 * queued at the kiosk is not sent before the kiosk is online, so the first step tells the citizen
 * to call now and to report a theft to the police (seeds/004); the request lets staff follow up.
 */
export const blockDigitalIdV1: FormDefinition = {
  id: 'block-digital-id',
  type: 'block-digital-id',
  schemaVersion: 1,
  steps: [
    { id: 'call-now', introKeys: ['callNow', 'callBusiness', 'callMitid', 'police'], introValues: lineValues, fields: [] },
    {
      id: 'what',
      fields: [
        {
          name: 'scheme',
          kind: 'choice',
          required: true,
          personal: false,
          options: [
            { value: 'nemid', offeredIn: (c) => c.schemes.nemid },
            { value: 'mitid', offeredIn: (c) => c.schemes.mitid },
          ],
        },
        {
          name: 'lost',
          kind: 'choice',
          required: true,
          personal: false,
          options: [{ value: 'key-card' }, { value: 'phone' }, { value: 'password' }, { value: 'other' }],
        },
        { name: 'details', kind: 'multi-line', required: false, personal: true, maxLength: 1000 },
      ],
    },
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: true, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
  ],
  receiptKeys: ['receipt.staff', 'receipt.callNow'],
  receiptValues: lineValues,
};
