import type { DatedRule } from './dated.ts';

// NemID launched on 1 July 2010; the seeds do not date their rules, so seed rules start there.

/** How many extra key cards a citizen may be handed at the counter (bank or Borgerservice). */
export const extraKeyCardsAtCounter: DatedRule<number>[] = [
  {
    value: 10,
    from: '2010-07-01',
    source: 'seeds/000: "Ved henvendelse i banken eller hos kommunens borgerservice kan du få udleveret op til ti ekstra nøglekort."',
  },
];

/** How many extra key cards a citizen may order online on nemid.nu. */
export const extraKeyCardsOnline: DatedRule<number>[] = [
  {
    value: 3,
    from: '2010-07-01',
    source: 'seeds/000: "på NemID.nu under selvbetjening kan du bestille op til tre ekstra nøglekort"',
  },
];

/** A new key card is posted automatically when this many keys remain. */
export const newKeyCardAtRemainingKeys: DatedRule<number>[] = [
  {
    value: 20,
    from: '2010-07-01',
    source: 'seeds/000: "Det bliver som standard sendt, når du har 20 nøgler tilbage."',
  },
];

/** Activating the NemID key app needs a key card with at least this many unused keys. */
export const keyAppMinimumUnusedKeys: DatedRule<number>[] = [
  {
    value: 2,
    from: '2010-07-01',
    source: 'seeds/000: "et NemID nøglekort med mindst to resterende ubrugte nøgler på, inden du kan få NemID nøgleapp"',
  },
];

/** NemID must be renewed this often, in years; the citizen is told automatically. */
export const renewalYears: DatedRule<number>[] = [
  {
    value: 3,
    from: '2010-07-01',
    source:
      'seeds/000: "Du skal forny dit NemID hvert tredje år, og det får du automatisk besked om"; ' +
      'seeds/002: "gælder i tre år, hvorefter det skal fornyes"',
  },
];
