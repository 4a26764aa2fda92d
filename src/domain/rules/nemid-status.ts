import type { IsoDate } from '../dates.ts';
import { ruleOn, type DatedRule } from './dated.ts';
import { nemIdTimeline } from './timeline.ts';

/**
 * What NemID was on a given day:
 * - 'open': a citizen could order NemID, key cards and collection abroad;
 * - 'winding-down': no new key cards or temporary passwords, nothing to order; NemID still worked
 *   and could be blocked;
 * - 'closed': NemID no longer exists; every NemID path leads to its MitID counterpart.
 * The screens and form checks ask this rule; configuration never reopens a closed scheme.
 */
export type NemIdPhase = 'open' | 'winding-down' | 'closed';

export const nemIdPhase: DatedRule<NemIdPhase>[] = [
  {
    value: 'open',
    // NemID launched on 1 July 2010; the seeds do not date their rules, so seed rules start there.
    from: '2010-07-01',
    to: '2023-05-30',
    source:
      'seeds/004: "Efter den 30. maj bliver der ikke printet nye nøglekort og nye midlertidige adgangskoder."; ' +
      '"Pr. 30. maj har borgere i udlandet ikke længere kunnet bestille NemID til afhentning"',
  },
  {
    value: 'winding-down',
    from: '2023-05-31',
    to: '2023-10-30',
    source:
      'seeds/004: "Efter den 30. juni fortsætter NemID med begrænset drift og afvikles gradvist frem til 31. ' +
      'oktober 2023."',
  },
  {
    value: 'closed',
    from: '2023-10-31',
    source:
      'seeds/004: "Den endelige nedlukning af NemID sker den 31. oktober 2023."; digst.dk: "NemID lukkede ' +
      'endeligt den 31. oktober 2023"',
  },
];

/** The first day NemID no longer existed, for the one sentence that says so. */
export const nemIdClosedOn: IsoDate = nemIdTimeline.finalShutdown.date;

/** Whether a citizen could order NemID, new key cards or extra key cards on the day. */
export const nemIdOrderable = (date: Date | IsoDate): boolean => ruleOn(nemIdPhase, date) === 'open';

/** Whether NemID had closed for good on the day. */
export const nemIdClosed = (date: Date | IsoDate): boolean => ruleOn(nemIdPhase, date) === 'closed';
