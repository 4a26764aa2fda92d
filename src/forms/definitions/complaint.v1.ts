import { ruleOn } from '#domain/rules/dated.ts';
import { complaintRecipient } from '#domain/rules/contacts.ts';
import type { FormDefinition, TextValues } from '../engine/types.ts';

/** Where the complaint goes, as the rule data in force says; the texts only interpolate it. */
const recipientValues: TextValues = (today) => {
  const r = ruleOn(complaintRecipient, today);
  return { name: r.name, address: r.postalAddress.join(', '), phone: r.phone, email: r.email, title: r.letterTitle };
};

/**
 * Complaint about a refused or blocked digital ID, schema version 1. Shipped: never edit; add a v2
 * file instead. The kiosk cannot send it to the authority itself: staff forward it to
 * Digitaliseringsstyrelsen with the fields the authority requires (rules/contacts.ts mustState:
 * name, phone, description).
 */
export const complaintV1: FormDefinition = {
  id: 'complaint',
  type: 'complaint',
  schemaVersion: 1,
  steps: [
    {
      id: 'complaint',
      introKeys: ['intro'],
      introValues: recipientValues,
      fields: [
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
