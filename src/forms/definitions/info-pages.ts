import type { InfoPageDefinition } from '../engine/types.ts';

/**
 * Information pages for services that have no kiosk form (seeds/000). The seed names who to write
 * to but gives no postal address; where a stored public page gives one, it is data here with its
 * source and date. Never an address from memory.
 */
export const infoPages: readonly InfoPageDefinition[] = [
  {
    // seeds/000: "Skal du søge SU, er det muligt at ansøge om dette via post til Uddannelses- og Forskningsstyrelsen."
    id: 'su-by-post',
    paragraphKeys: ['p1', 'p2', 'p3'],
    addresses: [
      {
        nameKey: 'info-pages:su-by-post.agency',
        lines: ['Haraldsgade 53', '2100 København Ø'],
        // Not in the seed pages. The agency's address as the EU's Eurydice network lists it; that the
        // agency runs SU is from ufm.dk. The SU pages themselves gave no postal address in the store.
        source:
          'https://eurydice.eacea.ec.europa.eu/national-education-systems/denmark/types-higher-education-institutions: ' +
          '"Ministry of Higher Education and Science, Danish Agency for Science and Higher Education, Haraldsgade 53, ' +
          'DK-2100 Copenhagen Ø" (references "Accessed 8 January 2021"); ' +
          'https://ufm.dk/en/the-ministry/organisation/danish-agency-for-higher-education-and-science/about-the-agency: ' +
          '"The Agency is responsible for the State Educational Grant and Loan Scheme, including the general ' +
          'educational grant (\'SU\')"',
        asOf: '2021-01-08',
      },
    ],
  },
  {
    // seeds/000: "… sundhedsoplysninger … via kontakt til det pågældende sygehus eller gennem henvendelse til egen læge."
    // p4, not in the seed pages: sum.dk "Aktindsigt" (https://sum.dk/Sundhed/Patientrettigheder/Aktindsigt.aspx):
    // "du skal anmode om det hos den relevante afdeling eller sundhedsperson … du kan fremsætte anmodningen både
    // mundtligt og skriftligt"; rm.dk "Læs din egen journal": "Du får svar snarest muligt og senest inden for 7
    // arbejdsdage". There is no one address: each hospital department has its own, so none is shipped.
    id: 'health-records',
    paragraphKeys: ['p1', 'p2', 'p3', 'p4'],
    addresses: [],
  },
];

export const findInfoPage = (id: string) => infoPages.find((p) => p.id === id);
