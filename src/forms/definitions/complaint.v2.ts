import { ruleOn } from '#domain/rules/dated.ts';
import { complaintLetterTitles, complaintRecipient } from '#domain/rules/contacts.ts';
import { nemIdClosed } from '#domain/rules/nemid-status.ts';
import type { FormDefinition, TextValues } from '../engine/types.ts';

/**
 * Where the complaint goes and the title it carries, by the scheme it is about, as the rule data
 * in force says. The postal address leaves out its first line when that is the recipient's name,
 * so the receipt does not read "Digitaliseringsstyrelsen, Digitaliseringsstyrelsen".
 */
const recipientValues: TextValues = (today, data) => {
  const r = ruleOn(complaintRecipient, today);
  const titles = ruleOn(complaintLetterTitles, today);
  const lines = r.postalAddress[0] === r.name ? r.postalAddress.slice(1) : r.postalAddress;
  const scheme = data.scheme === 'nemid' ? 'nemid' : 'mitid';
  return { name: r.name, address: lines.join(', '), phone: r.phone, email: r.email, title: titles[scheme] };
};

/**
 * Complaint about a refused or blocked digital ID, schema version 2. Shipped: never edit; add a v3
 * file instead. Beside version 1 it asks which scheme the complaint is about (NemID only while
 * NemID existed), so the letter's title follows it ("Klage over MitID").
 */
export const complaintV2: FormDefinition = {
  id: 'complaint',
  type: 'complaint',
  schemaVersion: 2,
  steps: [
    {
      id: 'complaint',
      introKeys: ['intro'],
      introValues: recipientValues,
      fields: [
        {
          name: 'scheme',
          kind: 'choice',
          required: true,
          personal: false,
          options: [
            { value: 'mitid', offeredIn: (c) => c.schemes.mitid },
            { value: 'nemid', offeredIn: (c) => c.schemes.nemid && !nemIdClosed(new Date()) },
          ],
        },
        { name: 'about', kind: 'choice', required: true, personal: false, options: [{ value: 'refused' }, { value: 'blocked' }, { value: 'other' }] },
        { name: 'description', kind: 'multi-line', required: true, personal: true, hintKey: 'fields.description.hint' },
      ],
    },
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'phone', kind: 'phone', required: true, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
  ],
  receiptKeys: ['receipt.forwarded', 'receipt.recipient'],
  receiptValues: recipientValues,
};
