import type { InfoPageDefinition } from '../engine/types.ts';

/**
 * Information pages for services that have no kiosk form (seeds/000). The seed names who to write
 * to but gives no postal address, so none is shipped here: the page says where to find it.
 */
export const infoPages: readonly InfoPageDefinition[] = [
  {
    // seeds/000: "Skal du søge SU, er det muligt at ansøge om dette via post til Uddannelses- og Forskningsstyrelsen."
    id: 'su-by-post',
    paragraphKeys: ['p1', 'p2', 'p3'],
    addresses: [],
  },
  {
    // seeds/000: "… sundhedsoplysninger … via kontakt til det pågældende sygehus eller gennem henvendelse til egen læge."
    id: 'health-records',
    paragraphKeys: ['p1', 'p2', 'p3'],
    addresses: [],
  },
];

export const findInfoPage = (id: string) => infoPages.find((p) => p.id === id);
