import type { DatedRule } from './dated.ts';

export interface Fee {
  kroner: number;
  /** The year the seed gives the price for, shown next to it ("260 kr. (2022)"). */
  priceYear: number;
}

/** The Ministry of Foreign Affairs' fee for handing out a temporary password at a representation abroad. */
export const abroadCollectionFee: DatedRule<Fee>[] = [
  {
    value: { kroner: 260, priceYear: 2022 },
    // The seed gives the 2022 price only; it is taken to apply from the start of 2022.
    from: '2022-01-01',
    source: 'seeds/000: "Udenrigsministeriet pålægger et gebyr på 260 kr. (2022) for udleveringen"',
  },
];

/** Collection and immediate issuance in Denmark cost nothing. */
export const collectionInDenmarkFee: DatedRule<number>[] = [
  {
    value: 0,
    from: '2010-07-01',
    source: 'seeds/000: "Afhentning og straksudstedelse i Danmark er gratis."',
  },
];
