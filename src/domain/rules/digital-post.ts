import type { DatedRule } from './dated.ts';
import type { LabelKey } from './labels.ts';

const exemptionGroundIds = [
  'impairment',
  'no-internet-at-home',
  'emigrated',
  'homeless',
  'language-difficulties',
  'digital-id-difficulties',
] as const;
export type ExemptionGroundId = (typeof exemptionGroundIds)[number];

export interface ExemptionGround {
  id: ExemptionGroundId;
  labelKey: LabelKey;
}

export interface DigitalPostExemption {
  grounds: readonly ExemptionGround[];
  /** The citizen signs a declaration on honour … */
  declarationOnHonour: boolean;
  /** … and need not say which ground applies. */
  groundMustBeStated: boolean;
}

/**
 * Exemption from Digital Post (letters on paper instead). The seeds (000, 004) only say "ét af dem
 * fem fritagelseskriterier" without listing them; seeds/001 names examples ("fysisk eller psykisk
 * handicap, sproglige barrierer"). The list below is the current official one.
 */
export const digitalPostExemption: DatedRule<DigitalPostExemption>[] = [
  {
    value: {
      grounds: exemptionGroundIds.map((id) => ({ id, labelKey: `digitalPost.exemption.${id}` as const })),
      declarationOnHonour: true,
      groundMustBeStated: false,
    },
    // date: approximate; confirm with Digitaliseringsstyrelsen. The six-ground list is what the
    // public sources of 2025-2026 give; the seeds (2022-2023) still count five criteria.
    from: '2025-01-01',
    source:
      'familieretshuset.dk "Fritagelse fra Digital Post": "Du kan blive fritaget fra at modtage Digital Post fra det ' +
      'offentlige, hvis du: ikke har adgang til en computer med tilstrækkelig internetforbindelse i dit hjem eller ' +
      'opholdssted; har en fysisk eller kognitiv funktionsnedsættelse …; er registreret som udrejst af Danmark; er ' +
      'blevet hjemløs; har sproglige vanskeligheder; har praktiske vanskeligheder ved at skaffe NemID" and "Du er ikke ' +
      'forpligtet til at oplyse, hvilket af fritagelseskriterierne, du lever op til"; aeldresagen.dk "Bliv fritaget for ' +
      'Digital Post": "Kommunen kan derfor ikke kræve dokumentation for grunden til din fritagelse".',
  },
];

export interface ExemptionScope {
  /** An exemption lasts for life unless the citizen asks to have it lifted. */
  lifelong: boolean;
  /** On request, unopened Digital Post from this many months back is sent on paper. */
  forwardUnopenedMonths: number;
  /** From this day an exemption also exempts from many mandatory self-services … */
  selfServiceExemptionFrom: string;
}

/**
 * What an exemption from Digital Post covers. Udbetaling Danmark's self-services are the exception:
 * they need their own decision, which Borgerservice makes, so the form asks about them separately.
 */
export const digitalPostExemptionScope: DatedRule<ExemptionScope>[] = [
  {
    value: { lifelong: true, forwardUnopenedMonths: 6, selfServiceExemptionFrom: '2023-06-01' },
    // date: the self-service part applies from 1 June 2023; the other facts are older.
    from: '2023-06-01',
    source:
      'mariagerfjord.dk and ballerup.dk "Fritagelse fra Digital Post" (the borger.dk text): "En fritagelse fra Digital ' +
      'Post gælder livet ud. Ændrer du mening, kan du til enhver tid tilmelde dig Digital Post igen"; "kan du vælge at ' +
      'få eftersendt eventuelt uåbnet Digital Post, som du har modtaget inden for de seneste 6 måneder"; "Du er ' +
      'automatisk fritaget fra krav om at bruge de obligatoriske offentlige digitale selvbetjeninger … der gælder ' +
      'særlige regler for undtagelse fra digital selvbetjening hos Udbetaling Danmark" (borger.dk "Obligatorisk ' +
      'selvbetjening": from 1 June 2023; Udbetaling Danmark needs a separate decision, made by Borgerservice). ' +
      'seniorhaandbogen.dk: "Hvis du skal sørge for fritagelse af en anden person, skal du have hendes eller hans ' +
      'underskrift på blanketten"; Ældre Sagen: a relative or care staff may declare for a person who cannot.',
  },
];

export interface ReadAccessRules {
  /** The citizen who gives access and the person who reads must both be at least this old. */
  minimumAge: number;
}

/**
 * Access to another person's Digital Post ("læseadgang"): the reader uses their own MitID, can
 * read, file and forward, but not delete or change settings; some municipalities also give
 * read-and-write access. Giving access can lift the giver's own exemption from Digital Post.
 */
export const digitalPostReadAccess: DatedRule<ReadAccessRules>[] = [
  {
    value: { minimumAge: 15 },
    // date: approximate; as old as the Digital Post mailbox for citizens from 15 (digitalPostAge).
    from: '2010-07-01',
    source:
      'egedalkommune.dk "Læse- og skriveadgang til Digital Post": "Den der hjælper dig, får adgang til din post med ' +
      'deres eget MitID"; mariagerfjord.dk "Læseadgange i Digital Post": with read access one can read, file in ' +
      'folders, mark as read and "videresende post til en e-mailadresse eller til en Digital Post-modtager"; "En ' +
      'læseadgang giver ikke adgang til at: slette post eller mapper; skrive ny post; redigere i indstillingerne"; ' +
      'vejle.dk: "Med en læse- og skriveadgang kan du både læse og besvare, videresende og skrive nye beskeder på ' +
      'vegne af en anden"; borger.dk "Læseadgang til Digital Post": it "kræver, at personen … selv har en offentlig ' +
      'digital postkasse" (citizens get one at 15, digitalPostAge); skive.dk: at Borgerservice "medbringer ' +
      'legitimation … Derudover skal du kunne personnummeret på den person, som skal have læseadgangen".',
  },
];
