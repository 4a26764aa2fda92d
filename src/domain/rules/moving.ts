import type { DatedRule } from './dated.ts';

export interface MoveReporting {
  /** A move can be reported at the earliest this many days before the moving date … */
  earliestDaysBefore: number;
  /** … and must be reported at the latest this many days after it (a later report is still registered). */
  latestDaysAfter: number;
}

/**
 * When a move is reported to the CPR register ("meld flytning"). Later official rules, not in the
 * seed pages (seeds/000 only says a change of address can be made on a form at Borgerservice).
 *
 * The kiosk refuses a moving date further ahead than `earliestDaysBefore` (the municipality cannot
 * take the report yet). It does not refuse a late report: the municipality still registers the
 * move and may fine the citizen, so the receipt says so instead. A check against "today" may only
 * ever refuse dates in the future: a request queued offline reaches the server later, when the
 * date is nearer, never further away.
 */
export const moveReporting: DatedRule<MoveReporting>[] = [
  {
    value: { earliestDaysBefore: 28, latestDaysAfter: 5 },
    // date: approximate. Both limits are older than this; kolding.dk states them together with
    // digital reporting "Fra 1. december 2012", the first date a stored page gives for them.
    from: '2012-12-01',
    source:
      'Later official rules, not in the seed pages. CPR-loven (lov om Det Centrale Personregister) § 11: report a ' +
      'move at the latest 5 days after moving; borger.dk "Når du skal flytte" ' +
      '(https://www.borger.dk/Sider/Naar-du-skal-flytte.aspx): "Du har pligt til at oplyse din nye adresse senest 5 ' +
      'dage, efter du har skiftet bopæl" and "I de fleste kommuner kan du tidligst melde din flytning 28 dage før du ' +
      'flytter"; the same borger.dk text on vejle.dk: "Du kan tidligst anmelde flytning fire uger, før du skifter ' +
      'adresse"; "Hvis du ikke anmelder din flytning i tide, kan du få en bøde."',
  },
];
