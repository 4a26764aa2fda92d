import { blockingLines, mitIdSupport } from '#domain/rules/contacts.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import type { FormDefinition, TextValues } from '../engine/types.ts';

/**
 * The numbers that block a digital ID now, from the rule data in force, and the scheme chosen
 * (i18next context: "callNow_mitid"), so that the citizen reads only the number for their ID.
 * The scheme question offers only the schemes the municipality configuration offers.
 */
const lineValues: TextValues = (today, data) => {
  const lines = ruleOn(blockingLines, today);
  const values: Record<string, string> = { citizen: lines.citizen.phone, business: lines.business.phone, mitid: ruleOn(mitIdSupport, today).phone };
  if (data.scheme === 'nemid' || data.scheme === 'mitid') values.context = data.scheme;
  return values;
};

/**
 * Block a digital ID, schema version 1. Shipped: the fields never change; add a v2 file instead
 * (the order of the steps is screen only). A request queued at the kiosk is not sent before the
 * kiosk is online, so the citizen first says which ID, then reads the one number that blocks it
 * now and that a theft goes to the police (seeds/004); the request lets staff follow up.
 */
export const blockDigitalIdV1: FormDefinition = {
  id: 'block-digital-id',
  type: 'block-digital-id',
  schemaVersion: 1,
  steps: [
    {
      id: 'which',
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
      ],
    },
    { id: 'call-now', introKeys: ['callNow', 'police'], introValues: lineValues, fields: [] },
    {
      id: 'what',
      fields: [
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
