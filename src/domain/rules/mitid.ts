import type { DatedRule } from './dated.ts';
import type { MitIdAuthenticatorId } from './authenticators.ts';

// The MitID provisions of the MitID and NemLog-in act came into force on 6 May 2021 (digst.dk);
// MitID rules without a date of their own start there.

export interface ChipOffer {
  /** Price in kroner, shown with the decimal separator of the citizen's language. */
  kroner: number;
  /** Working days ("hverdage") from order to delivery. */
  deliveryDays: { min: number; max: number };
}

/** The MitID chip: the only authenticator that costs money. Ordered on MitID.dk. */
export const mitIdChip: DatedRule<ChipOffer>[] = [
  {
    value: { kroner: 143.6, deliveryDays: { min: 3, max: 7 } },
    // date: approximate; the price page gives no date of its own, checked December 2026.
    from: '2021-05-06',
    source:
      'mitid.dk "MitID chip": "The MitID chip costs DKK 143.60 … ordered at MitID.dk … delivered within 3-7 ' +
      'working days, or collected at Citizen Service"',
  },
];

/**
 * The MitID counterpart of each NemID path, shown when NemID has closed: a lost key card becomes a
 * lost or broken authenticator (Borgerservice hands out an activation code for a new one); extra
 * and large-print key cards become the code display; voice response becomes the audio code reader.
 */
export const nemIdCounterparts = {
  'lost-key-card': ['app', 'code-display', 'audio-code-reader', 'chip'],
  'extra-key-cards': ['code-display', 'audio-code-reader', 'chip'],
  'voice-response': ['audio-code-reader'],
} as const satisfies Record<string, readonly MitIdAuthenticatorId[]>;

export interface UserIdRule {
  minLength: number;
  maxLength: number;
  /** The user ID may not be the citizen's CPR number (nor ten digits). */
  notCpr: boolean;
}

/** The MitID user ID the citizen chooses before coming to Borgerservice. */
export const mitIdUserId: DatedRule<UserIdRule>[] = [
  {
    value: { minLength: 5, maxLength: 48, notCpr: true },
    from: '2021-05-06',
    source:
      'herning.dk "MitID": "Et bruger-ID til MitID … skal indeholde 5-48 tegn … Det må ikke være det samme som ' +
      'dit CPR-nummer eller bestå af 10 numre."',
  },
];

/**
 * Borgerservice must refuse MitID to a citizen who cannot use it without help; the kiosk says what
 * to do instead (exemption from Digital Post, a Digital Fuldmagt to a relative).
 */
export const mitIdOnlyWithoutHelp: DatedRule<boolean>[] = [
  {
    value: true,
    from: '2021-05-06',
    source:
      'bekendtgørelse om MitID til privatpersoner §§ 3 and 8: MitID is issued only to a person who can use ' +
      'it personally; Borgerservice refuses issuance when the applicant cannot use it without help',
  },
];

/** Besides a witness the citizen brings, Borgerservice can use a professional witness. */
export const professionalWitnessOffered: DatedRule<boolean>[] = [
  {
    value: true,
    // date: approximate; mitid.dk gives no date for the professional witness.
    from: '2021-05-06',
    source: 'mitid.dk "Witness": "If you do not have a witness, Citizen Service can in some cases offer a professional witness"',
  },
];
