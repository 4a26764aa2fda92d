import { notInPastCheck, otherPersonCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { giverAgeCheck, readAccessValues, readerAgeCheck } from './digital-post-read-access.checks.ts';

/**
 * Access to my Digital Post for another person, schema version 3 (src/domain/rules/digital-post.ts).
 * Shipped versions 1 and 2 stay for queued requests. Changes from v2:
 * - read access or read-and-write access, each explained (read, file and forward; never delete or
 *   change settings);
 * - both people are at least the rule's age; the reader uses their own MitID;
 * - the form says that giving access can lift the citizen's own exemption from Digital Post;
 * - an end date that has passed is refused while the citizen answers.
 */
export const digitalPostReadAccessV3: FormDefinition = {
  id: 'digital-post-read-access',
  type: 'digital-post-read-access',
  schemaVersion: 3,
  steps: [
    {
      id: 'you',
      introKeys: ['intro.who', 'intro.exemption'],
      introValues: readAccessValues,
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.cpr.notEligible' } },
      ],
    },
    {
      id: 'reader',
      introKeys: ['intro.reader'],
      fields: [
        { name: 'readerName', kind: 'text', required: true, personal: true },
        { name: 'readerCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.readerCpr.notEligible' } },
        { name: 'relation', kind: 'choice', required: true, personal: false, options: [{ value: 'family' }, { value: 'friend' }, { value: 'other' }] },
        { name: 'readerPhone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
    {
      id: 'access',
      fields: [
        { name: 'accessLevel', kind: 'choice', required: true, personal: false, options: [{ value: 'read' }, { value: 'readWrite' }], hintKey: 'fields.accessLevel.hint' },
        { name: 'hasEndDate', kind: 'yes-no', required: true, personal: false },
        { name: 'endDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', showIf: { field: 'hasEndDate', equals: true }, errorKeys: { notEligible: 'fields.endDate.notEligible' } },
      ],
    },
    {
      id: 'sign',
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false, labelKey: 'fields.declarationAccess.label' },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  checks: [giverAgeCheck, readerAgeCheck, otherPersonCheck('readerCpr')],
  entryChecks: [notInPastCheck('endDate')],
};
