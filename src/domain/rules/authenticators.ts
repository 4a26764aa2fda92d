import type { LabelKey } from './labels.ts';

const keyCardKinds = ['standard', 'large-print', 'voice-response'] as const;
export type KeyCardKind = (typeof keyCardKinds)[number];

export interface KeyCardOption {
  id: KeyCardKind;
  labelKey: LabelKey;
  /** Voice response calls the citizen, so it needs a Danish phone number to be free. */
  needsDanishPhone: boolean;
  source: string;
}

/** NemID key-card options, including the accessible ones. Extra cards at the counter: standard or large print. */
export const keyCardOptions: readonly KeyCardOption[] = [
  {
    id: 'standard', labelKey: 'keyCards.standard', needsDanishPhone: false,
    source: 'seeds/002: "man vil herefter få tilsendt et nøglekort"',
  },
  {
    id: 'large-print', labelKey: 'keyCards.large-print', needsDanishPhone: false,
    source: 'seeds/002: "Man kan rekvirere et nøglekort, hvor ”nøglerne” er skrevet med ekstra stor skrift."',
  },
  {
    id: 'voice-response', labelKey: 'keyCards.voice-response', needsDanishPhone: true,
    source:
      'seeds/002: "Voice-Responce løsning, så man kan blive ringet op og få læst nøglen op. Det er gratis, ' +
      'hvis man har opgivet dansk telefonnr. og opholder sig i Danmark."',
  },
];

export const mitIdAuthenticatorIds = ['app', 'code-display', 'audio-code-reader', 'chip'] as const;
export type MitIdAuthenticatorId = (typeof mitIdAuthenticatorIds)[number];

export interface MitIdAuthenticator {
  id: MitIdAuthenticatorId;
  labelKey: LabelKey;
  /** The MitID counterpart of the large-print key card and voice response. */
  forVisualImpairment: boolean;
  source: string;
}

const mitIdSource =
  'mitid.dk (checked 2025): MitID authenticators are the app, the code display (kodeviser), ' +
  'the audio code reader (kodeoplæser) for people with visual impairment, and the chip';

export const mitIdAuthenticators: readonly MitIdAuthenticator[] = [
  { id: 'app', labelKey: 'authenticators.app', forVisualImpairment: false, source: mitIdSource },
  { id: 'code-display', labelKey: 'authenticators.code-display', forVisualImpairment: false, source: mitIdSource },
  { id: 'audio-code-reader', labelKey: 'authenticators.audio-code-reader', forVisualImpairment: true, source: mitIdSource },
  { id: 'chip', labelKey: 'authenticators.chip', forVisualImpairment: false, source: mitIdSource },
];
