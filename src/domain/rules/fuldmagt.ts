import type { DatedRule } from './dated.ts';

export interface FuldmagtRules {
  /** Both the giver and the holder of a Digital Fuldmagt must be at least this old … */
  minimumAge: number;
  /** … and at least one of them must have MitID (the other signs a posted letter). */
  oneMustHaveMitId: boolean;
  /** One fuldmagt covers one self-service; there is no fuldmagt to "everything". */
  selfServicesPerFuldmagt: number;
}

/**
 * Digital Fuldmagt: a citizen lets another person act for them in one public self-service with
 * the other person's own MitID. Not every authority's self-service takes part, so the form asks
 * which self-service and staff check it.
 */
export const digitalFuldmagt: DatedRule<FuldmagtRules>[] = [
  {
    value: { minimumAge: 15, oneMustHaveMitId: true, selfServicesPerFuldmagt: 1 },
    // date: approximate; Digital Fuldmagt has existed since 2014, and the page gives no start date
    // for these conditions. Checked against borger.dk in December 2026.
    from: '2014-01-01',
    source:
      'vesthimmerland.dk "Giv eller anmod om digital fuldmagt" (the borger.dk text): "Det er ikke alle myndigheder, der ' +
      'har valgt at tilbyde fuldmagter via denne løsning"; "For at anvende Digital Fuldmagt skal enten fuldmagtsgiver ' +
      'eller fuldmagtshaver have MitID"; "kan agere eller se informationer på dine vegne med sit eget MitID i en bestemt ' +
      'digital selvbetjening". vejen.dk "Digital Fuldmagt": "For at bruge Digital Fuldmagt skal du være: Over 15 år; Ved ' +
      'din fornufts fulde brug … i stand til at forstå og overskue konsekvenserne af at oprette en fuldmagt". borger.dk ' +
      '"Digital Fuldmagt-selvbetjeningen": "Hver enkelt digital fuldmagt … er oftest afgrænset til at give adgang til at ' +
      'hjælpe med én ting". aalborg.dk "Digital Fuldmagt": "Fuldmagtsgiver underskriver anmodningsbrevet enten digitalt ' +
      'eller via fysisk post. Er brevet underskrevet fysisk skal alle sider af brevet returneres til Kommunes Borgerservice."',
  },
];
