import { ruleOn } from '#domain/rules/dated.ts';
import { digitalPostExemption } from '#domain/rules/digital-post.ts';
import type { FormDefinition } from '../engine/types.ts';
import { exemptAgeCheck, scopeValues } from './digital-post-exemption.checks.ts';

/**
 * Exemption from Digital Post, schema version 2 (src/domain/rules/digital-post.ts). Shipped
 * version 1 stays for queued requests. Changes from v1:
 * - who declares: the citizen, or a relative or care staff for a citizen who cannot (otherwise a
 *   proxy form at the counter);
 * - the six grounds, which the citizen need not name and cannot be asked to document;
 * - what the exemption means: lifelong unless lifted, exempts from many mandatory self-services
 *   since the rule's date, but Udbetaling Danmark needs its own decision (asked here);
 * - unopened Digital Post from the rule's months back can be sent on paper (asked here);
 * - the person exempted is at least the Digital Post age.
 */
export const digitalPostExemptionV2: FormDefinition = {
  id: 'digital-post-exemption',
  type: 'digital-post-exemption',
  schemaVersion: 2,
  steps: [
    {
      id: 'who',
      introKeys: ['proxyIntro'],
      fields: [
        { name: 'declaredBy', kind: 'choice', required: true, personal: false, options: [{ value: 'self' }, { value: 'relative' }, { value: 'careStaff' }] },
        { name: 'declarantName', kind: 'text', required: true, personal: true, showIf: { field: 'declaredBy', equals: ['relative', 'careStaff'] } },
      ],
    },
    {
      id: 'person',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true, labelKey: 'fields.personName.label' },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', labelKey: 'fields.personCpr.label', errorKeys: { notEligible: 'fields.cpr.notEligible' } },
        { name: 'hasPostalAddress', kind: 'yes-no', required: true, personal: false, labelKey: 'fields.hasOtherPostalAddress.label' },
        { name: 'postalAddress', kind: 'address', required: true, personal: true, showIf: { field: 'hasPostalAddress', equals: true } },
      ],
    },
    {
      id: 'scope',
      introKeys: ['scope.lifelong', 'scope.selfService', 'scope.forward'],
      introValues: scopeValues,
      fields: [
        { name: 'forwardUnopened', kind: 'yes-no', required: true, personal: false },
        { name: 'udkExemption', kind: 'yes-no', required: true, personal: false, hintKey: 'fields.udkExemption.hint' },
      ],
    },
    {
      id: 'declaration',
      introKeys: ['groundsIntro'],
      // The rule data's own wording (locales/*/rules.json), so the grounds are written once.
      introListKeys: (today) => ruleOn(digitalPostExemption, today).grounds.map((g) => `rules:${g.labelKey}`),
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false, labelKey: 'fields.declarationOnHonour.label' },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  checks: [exemptAgeCheck],
};
