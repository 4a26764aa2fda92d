import { blockingLines, mitIdSupport, nemIdSupport } from '#domain/rules/contacts.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { nemIdClosed } from '#domain/rules/nemid-status.ts';
import type { FormDefinition, TextValues } from '../engine/types.ts';

/**
 * The numbers that block a digital ID now and the support hours, from the rule data in force, and
 * the scheme chosen (i18next context: "callNow_mitid"), so that the citizen reads only what
 * concerns their ID.
 */
const lineValues: TextValues = (today, data) => {
  const lines = ruleOn(blockingLines, today);
  const support = ruleOn(data.scheme === 'nemid' ? nemIdSupport : mitIdSupport, today);
  const [weekdays, weekends] = support.hours ?? [];
  const clock = (time: string | undefined) => (time ?? '').replace(':', '.');
  const values: Record<string, string> = {
    citizen: lines.citizen.phone,
    business: lines.business.phone,
    mitid: ruleOn(mitIdSupport, today).phone,
    weekdaysOpens: clock(weekdays?.opens),
    weekdaysCloses: clock(weekdays?.closes),
    weekendsOpens: clock(weekends?.opens),
    weekendsCloses: clock(weekends?.closes),
  };
  if (data.scheme === 'nemid' || data.scheme === 'mitid') values.context = data.scheme;
  return values;
};

/**
 * Block a digital ID, schema version 2. Shipped: never edit; add a v3 file instead. Beside version 1
 * NemID is offered only while it existed (rules/nemid-status.ts), MitID's authenticators (code
 * display, audio code reader, chip) can be what was lost, and the call-now step gives the support
 * hours next to the number.
 */
export const blockDigitalIdV2: FormDefinition = {
  id: 'block-digital-id',
  type: 'block-digital-id',
  schemaVersion: 2,
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
            { value: 'nemid', offeredIn: (c) => c.schemes.nemid && !nemIdClosed(new Date()) },
            { value: 'mitid', offeredIn: (c) => c.schemes.mitid },
          ],
        },
      ],
    },
    { id: 'call-now', introKeys: ['callNow', 'supportHours', 'police'], introValues: lineValues, fields: [] },
    {
      id: 'what',
      fields: [
        {
          name: 'lost',
          kind: 'choice',
          required: true,
          personal: false,
          options: [
            { value: 'key-card', offeredIn: () => !nemIdClosed(new Date()) },
            { value: 'authenticator' },
            { value: 'phone' },
            { value: 'password' },
            { value: 'other' },
          ],
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
  // The support hours beside the number on the receipt too.
  receiptKeys: ['receipt.staff', 'receipt.callNow', 'supportHours'],
  receiptValues: lineValues,
};
