/**
 * The i18n keys (namespace `rules`, locales/<lang>/rules.json) that rule data uses for words a
 * citizen reads. The locale files own the wording; this list lets the compiler catch a mistyped key
 * in the rule data, and a unit test checks that every key has text in both languages.
 */
export const labelKeys = [
  'documents.passport',
  'documents.driving-licence',
  'documents.baptism-or-name-certificate',
  'documents.health-card',
  'documents.tax-statement',
  'documents.public-benefit-payment',
  'mitIdDocuments.danish-passport-with-cpr',
  'mitIdDocuments.danish-passport-without-cpr',
  'mitIdDocuments.danish-driving-licence',
  'mitIdDocuments.residence-permit-with-cpr',
  'mitIdDocuments.foreign-passport-or-id-card',
  'mitIdDocuments.health-card',
  'mitIdDocuments.cpr-certificate',
  'keyCards.standard',
  'keyCards.large-print',
  'keyCards.voice-response',
  'authenticators.app',
  'authenticators.code-display',
  'authenticators.audio-code-reader',
  'authenticators.chip',
  'phoneHours.weekdays',
  'phoneHours.weekends-and-holidays',
  'complaint.name',
  'complaint.phone',
  'complaint.description',
  'digitalPost.exemption.impairment',
  'digitalPost.exemption.no-internet-at-home',
  'digitalPost.exemption.emigrated',
  'digitalPost.exemption.homeless',
  'digitalPost.exemption.language-difficulties',
  'digitalPost.exemption.digital-id-difficulties',
] as const;

export type LabelKey = (typeof labelKeys)[number];
