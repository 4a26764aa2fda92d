/**
 * Days a municipal office is closed besides weekends: the Danish public holidays ("helligdage")
 * and the days public offices close by custom. business-days.ts turns these into dates; a
 * municipality adds its own closing days in its configuration (closingDays).
 */

export interface ClosedDayName {
  da: string;
  en: string;
}

interface ClosedDayBase {
  id: string;
  name: ClosedDayName;
  /** True for a public holiday by law; false for a day offices close by custom. */
  official: boolean;
  /** Last year the day is closed, when it has been abolished. */
  untilYear?: number;
  source: string;
}

export type ClosedDayRule =
  | (ClosedDayBase & { fixed: { month: number; day: number } })
  | (ClosedDayBase & { daysAfterEaster: number });

const helligdagsloven = 'helligdagsloven (lov om helligdagsfred) § 1, the public holidays';
const closedByCustom = 'custom: not a helligdag, but municipal offices are closed';

export const closedDayRules: readonly ClosedDayRule[] = [
  {
    id: 'new-years-day', name: { da: 'Nytårsdag', en: "New Year's Day" },
    official: true, fixed: { month: 1, day: 1 }, source: helligdagsloven,
  },
  {
    id: 'maundy-thursday', name: { da: 'Skærtorsdag', en: 'Maundy Thursday' },
    official: true, daysAfterEaster: -3, source: helligdagsloven,
  },
  {
    id: 'good-friday', name: { da: 'Langfredag', en: 'Good Friday' },
    official: true, daysAfterEaster: -2, source: helligdagsloven,
  },
  {
    id: 'easter-sunday', name: { da: 'Påskedag', en: 'Easter Sunday' },
    official: true, daysAfterEaster: 0, source: helligdagsloven,
  },
  {
    id: 'easter-monday', name: { da: '2. påskedag', en: 'Easter Monday' },
    official: true, daysAfterEaster: 1, source: helligdagsloven,
  },
  {
    // The fourth Friday after Easter; a working day from 2024.
    id: 'great-prayer-day', name: { da: 'Store bededag', en: 'Great Prayer Day' },
    official: true, daysAfterEaster: 26, untilYear: 2023,
    source:
      'lov om konsekvenser ved afskaffelsen af store bededag som helligdag ' +
      '(adopted 28 February 2023, in force 1 January 2024)',
  },
  {
    id: 'ascension-day', name: { da: 'Kristi himmelfartsdag', en: 'Ascension Day' },
    official: true, daysAfterEaster: 39, source: helligdagsloven,
  },
  {
    id: 'whit-sunday', name: { da: 'Pinsedag', en: 'Whit Sunday' },
    official: true, daysAfterEaster: 49, source: helligdagsloven,
  },
  {
    id: 'whit-monday', name: { da: '2. pinsedag', en: 'Whit Monday' },
    official: true, daysAfterEaster: 50, source: helligdagsloven,
  },
  {
    // Not a public holiday, but most public offices close (staff have at least the afternoon off).
    id: 'constitution-day', name: { da: 'Grundlovsdag', en: 'Constitution Day' },
    official: false, fixed: { month: 6, day: 5 }, source: closedByCustom,
  },
  {
    id: 'christmas-eve', name: { da: 'Juleaftensdag', en: 'Christmas Eve' },
    official: false, fixed: { month: 12, day: 24 }, source: closedByCustom,
  },
  {
    id: 'christmas-day', name: { da: 'Juledag', en: 'Christmas Day' },
    official: true, fixed: { month: 12, day: 25 }, source: helligdagsloven,
  },
  {
    id: 'second-christmas-day', name: { da: '2. juledag', en: 'Boxing Day' },
    official: true, fixed: { month: 12, day: 26 }, source: helligdagsloven,
  },
  {
    id: 'new-years-eve', name: { da: 'Nytårsaftensdag', en: "New Year's Eve" },
    official: false, fixed: { month: 12, day: 31 }, source: closedByCustom,
  },
];
