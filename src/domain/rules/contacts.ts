import type { DatedRule } from './dated.ts';
import type { LabelKey } from './labels.ts';

export interface PhoneHours {
  labelKey: LabelKey;
  opens: string;
  closes: string;
}

export interface PhoneLine {
  /** As printed for citizens; +45 only where the source writes it. */
  phone: string;
  hours?: readonly PhoneHours[];
}

// NemID launched on 1 July 2010; the seeds do not date their rules, so seed rules start there.

/**
 * NemID support. seeds/004 adds that after 30 June 2023 NemID support ended; the same number then
 * only blocks a NemID (see blockingLines and nemIdTimeline).
 */
export const nemIdSupport: DatedRule<PhoneLine>[] = [
  {
    value: {
      phone: '72 24 70 50',
      hours: [
        { labelKey: 'phoneHours.weekdays', opens: '08:30', closes: '20:00' },
        { labelKey: 'phoneHours.weekends-and-holidays', opens: '10:00', closes: '16:00' },
      ],
    },
    from: '2010-07-01',
    source: 'seeds/002: "NemId-Support Tlf.: 72 24 70 50, man-fre 8.30-20, lør-søn og helligdage 10-16"',
  },
];

export interface BlockingLines {
  citizen: PhoneLine;
  business: PhoneLine;
}

/** Numbers that block a NemID now; seeds/004 also advises reporting theft to the police. */
export const blockingLines: DatedRule<BlockingLines>[] = [
  {
    value: { citizen: { phone: '+45 72 24 70 50' }, business: { phone: '+45 72 24 70 90' } },
    from: '2010-07-01',
    source:
      'seeds/004: "hjælp til at spærre sit NemID via opkald til +45 72 24 70 50 for borgere og +45 72 24 70 90 ' +
      'for erhvervsbrugere med NemID medarbejdersignatur"',
  },
];

export const mitIdSupport: DatedRule<PhoneLine>[] = [
  {
    value: {
      phone: '33 98 00 12',
      hours: [
        { labelKey: 'phoneHours.weekdays', opens: '08:00', closes: '20:00' },
        { labelKey: 'phoneHours.weekends-and-holidays', opens: '10:00', closes: '16:00' },
      ],
    },
    from: '2021-05-06',
    source:
      'seeds/004: "Telefon: 33 98 00 12 … Mandag-fredag: kl. 08:00-20:00 … Lørdag, søndag og helligdage: kl. 10:00-16:00"',
  },
];

export interface ComplaintRecipient {
  /** A name and address are data, not translated. */
  name: string;
  phone: string;
  email: string;
  postalAddress: readonly string[];
  /** The title a complaint letter must carry, in Danish as the authority asks. */
  letterTitle: string;
  /** What every complaint must state. */
  mustState: readonly LabelKey[];
}

/** Where a complaint about a refused or blocked NemID goes. */
export const complaintRecipient: DatedRule<ComplaintRecipient>[] = [
  {
    value: {
      name: 'Digitaliseringsstyrelsen',
      phone: '33 92 52 00',
      email: 'info@digst.dk',
      // The seed writes "1301 København"; København K is the postal district of 1301.
      postalAddress: ['Digitaliseringsstyrelsen', 'Landgreven 4', '1301 København K'],
      letterTitle: 'Klage over NemID',
      mustState: ['complaint.name', 'complaint.phone', 'complaint.description'],
    },
    from: '2010-07-01',
    source:
      'seeds/004: "Ringe på telefonnummer 33 92 52 00 … info@digst.dk … Digitaliseringsstyrelsen, Landgreven 4, ' +
      '1301 København med titlen ”Klage over NemID”. I din klage bedes du oplyse: Navn, Telefonnummer, ' +
      'Beskrivelse af klagen"; seeds/000: "For at klage skal du kontakte Digitaliseringsstyrelsen"',
  },
];

/**
 * The title a complaint letter carries, by the scheme it is about. The seed gives the NemID title;
 * a complaint about MitID follows the same pattern with the scheme's name.
 */
export const complaintLetterTitles: DatedRule<Record<'nemid' | 'mitid', string>>[] = [
  {
    value: { nemid: 'Klage over NemID', mitid: 'Klage over MitID' },
    from: '2010-07-01',
    source:
      'seeds/004: "med titlen ”Klage over NemID”"; for MitID the same pattern (digst.dk handles complaints ' +
      'about both schemes: "Klage over afgørelser om MitID … sendes til Digitaliseringsstyrelsen")',
  },
];
