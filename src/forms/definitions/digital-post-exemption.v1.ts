import { ruleOn } from '#domain/rules/dated.ts';
import { digitalPostExemption } from '#domain/rules/digital-post.ts';
import type { FormDefinition } from '../engine/types.ts';

/**
 * Exemption from Digital Post, schema version 1. Shipped: never edit; add a v2 file instead.
 * The grounds are shown as information from src/domain/rules/digital-post.ts; the citizen need not
 * say which applies, but signs a declaration on honour (docs/rules.md, "Facts that changed since the seed pages").
 */
export const digitalPostExemptionV1: FormDefinition = {
  id: 'digital-post-exemption',
  type: 'digital-post-exemption',
  schemaVersion: 1,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'hasPostalAddress', kind: 'yes-no', required: true, personal: false },
        {
          name: 'postalAddress',
          kind: 'address',
          required: true,
          personal: true,
          showIf: { field: 'hasPostalAddress', equals: true },
        },
      ],
    },
    {
      id: 'declaration',
      introKeys: ['groundsIntro'],
      // The rule data's own wording (locales/*/rules.json), so the grounds are written once.
      introListKeys: (today) => ruleOn(digitalPostExemption, today).grounds.map((g) => `rules:${g.labelKey}`),
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
};
