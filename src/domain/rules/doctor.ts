import type { DatedRule } from './dated.ts';

export interface DoctorDistance {
  /** Moving more than this far from one's doctor lets a citizen in health-insurance group 1 choose a new one … */
  km: number;
  /** … and this far in the capital area (the municipalities of København, Frederiksberg, Tårnby and Dragør). */
  capitalAreaKm: number;
}

/**
 * The distance from one's doctor beyond which a move calls for a new choice of doctor
 * (health-insurance group 1; group 2 has no fixed doctor). Later official rules (sundhed.dk, on the
 * basis of Sundhedsloven), not in the seed pages. The capital area is København, Frederiksberg, Tårnby and Dragør, as
 * the official pages name it (not København and Frederiksberg alone).
 */
export const doctorDistance: DatedRule<DoctorDistance>[] = [
  {
    value: { km: 15, capitalAreaKm: 5 },
    // date: approximate; the pages give no start date for the limits.
    from: '2010-01-01',
    source:
      'Later official rules, not in the seed pages. sundhed.dk "Valg af læge" as published on slagelse.dk ' +
      '(https://www.slagelse.dk/borger/sundhed-og-sygdom/sygesikring-og-laege/valg-af-laege): "Du kan vælge læge på ' +
      'ny, hvis du: flytter 5 km væk fra din nuværende læge og bor i København, Frederiksberg, Tårnby eller Dragør ' +
      'kommune (hovedstadsområdet). flytter mere end 15 km væk fra din nuværende læge og ikke bor i ' +
      'hovedstadsområdet."; bo.dk/adresseaendring: "Hvis du flytter mere end 15 km væk fra din hidtidige læge, ' +
      'bliver du bedt om at foretage nyt lægevalg … I København, Frederiksberg Tårnby og Dragør er grænsen 5 km."; ' +
      'sundhed.dk on vejle.dk: "Det er gratis at vælge ny læge, hvis du gør det i forbindelse med din flytning."',
  },
];

/**
 * Postcodes of the capital area (the municipalities of København: 1000-1799, 2100, 2150, 2200,
 * 2300, 2400, 2450, 2500, 2700, 2720; Frederiksberg: 1800-1999, 2000; Tårnby: 2770; Dragør: 2791),
 * from the postcode list in src/domain/data/postcodes.ts. Geography, not a dated rule, so that a
 * queued request keeps the questions it was asked. A postcode can cross a municipal border (2500
 * Valby, 2720 Vanløse): the citizen answers about the distance, and the caseworker checks the address.
 */
const capitalAreaPostcodes = new Set(['2000', '2100', '2150', '2200', '2300', '2400', '2450', '2500', '2700', '2720', '2770', '2791']);

export function inCapitalArea(postcode: unknown): boolean {
  if (typeof postcode !== 'string' || !/^\d{4}$/.test(postcode.trim())) return false;
  const code = postcode.trim();
  const n = Number(code);
  return (n >= 1000 && n <= 1999) || capitalAreaPostcodes.has(code);
}

/** Whether a string is a four-digit postcode outside the capital area (the 15 km question). */
export function outsideCapitalArea(postcode: unknown): boolean {
  return typeof postcode === 'string' && /^\d{4}$/.test(postcode.trim()) && !inCapitalArea(postcode);
}

/** The distance limit in km for a new home's postcode, on a day. */
export function doctorDistanceKm(rule: DoctorDistance, postcode: unknown): number {
  return inCapitalArea(postcode) ? rule.capitalAreaKm : rule.km;
}
