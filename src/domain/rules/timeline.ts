import type { IsoDate } from '../dates.ts';

export interface Milestone {
  date: IsoDate;
  source: string;
}

/**
 * The end of NemID as seed page 004 tells it (docs/rules.md, "Sources"), shown in the "From NemID to MitID" guide. What the kiosk
 * offers on a given day follows from these dates through nemid-status.ts.
 */
export const nemIdTimeline = {
  banksStoppedNemId: {
    date: '2021-10-31',
    source: 'seeds/004: "Den 31. oktober 2021 lukkede de danske banker ned for brugen af NemID."',
  },
  lastKeyCardsPrinted: {
    date: '2023-05-30',
    source: 'seeds/004: "Efter den 30. maj bliver der ikke printet nye nøglekort og nye midlertidige adgangskoder."',
  },
  abroadOrderingEnded: {
    date: '2023-05-30',
    source:
      'seeds/004: "Pr. 30. maj har borgere i udlandet ikke længere kunnet bestille NemID til afhentning på en ' +
      'dansk repræsentation i udlandet."',
  },
  mitIdViaNemIdEnded: {
    date: '2023-06-05',
    source: 'seeds/004: "Muligheden for at anvende NemID til at få MitID via MitID.dk ophører den 5. juni 2023."',
  },
  // Key cards could still be collected at Borgerservice up to and including this day.
  lastCollectionAtBorgerservice: {
    date: '2023-06-30',
    source: 'seeds/004: "kun afhente disse i Borgerservice frem til den 30. juni 2023"',
  },
  // Limited operation (no support, blocking only) starts the day after this date.
  limitedOperationAfter: {
    date: '2023-06-30',
    source:
      'seeds/004: "Efter den 30. juni fortsætter NemID med begrænset drift og afvikles gradvist frem til 31. ' +
      'oktober 2023. Begrænset drift … betyder bl.a., at det ikke længere vil være muligt at få support"',
  },
  // seeds/004 also says "Den endelige nedlukning af NemID sker den 30. juni 2023" in one place; the
  // page says 31 October 2023 twice and OCES2 certificates are not blocked before 31 October.
  finalShutdown: {
    date: '2023-10-31',
    source:
      'seeds/004: "Den endelige nedlukning af NemID sker den 31. oktober 2023." (elsewhere on the same page: ' +
      '"sker den 30. juni 2023")',
  },
} as const satisfies Record<string, Milestone>;
