import type { DatedRule } from './dated.ts';

export interface HolidayPayRules {
  /** Holiday pay of at most this many kroner when the holiday year begins is paid out without a request … */
  automaticAtStartKr: number;
  /** … and of at most this many kroner when the holiday year ends. */
  automaticAtEndKr: number;
  /** From this age the young person signs the form; under it a parent helps and signs. */
  signsOwnFormAge: number;
  /** Having left the Danish labour market, the request is made within this many months of the last working day. */
  leftLabourMarketMonths: number;
  /** The most days of holiday earned in one holiday year (2.08 days a month, 25 a year). */
  daysPerHolidayYear: number;
  /** Holiday pay is paid at the earliest this many months before the first day of holiday. */
  monthsBeforeFirstDay: number;
}

/**
 * Holiday pay without digital ID, on Udbetaling Danmark's (FerieKonto's) paper form. The money
 * goes to the citizen's NemKonto, so the form asks for no bank account.
 */
export const holidayPay: DatedRule<HolidayPayRules>[] = [
  {
    value: { automaticAtStartKr: 1500, automaticAtEndKr: 2250, signsOwnFormAge: 15, leftLabourMarketMonths: 6, daysPerHolidayYear: 25, monthsBeforeFirstDay: 1 },
    // date: approximate; the holiday act in force since 1 September 2020 (ferieloven, lov nr. 60
    // af 30. januar 2018) introduced the holiday year these rules count in.
    from: '2020-09-01',
    source:
      'borger.dk "Hvis du ikke kan søge feriepenge digitalt" ' +
      '(https://www.borger.dk/arbejde-dagpenge-ferie/oversigt-ferie/faa-feriepenge-udbetalt/hvis-du-ikke-kan-soege-feriepenge-digitalt): ' +
      '"du holder eller har holdt ferie • du har forladt det danske arbejdsmarked inden for de seneste 6 måneder ' +
      '(fx pension)"; "Husk at angive hvilken dato ferien starter og hvor mange dage, der holdes"; "Er den unge over ' +
      '15 år, kan den unge selv skrive under på blanketten"; "Hvis du har optjent 1.500 kr. eller mindre i ' +
      'feriepenge, når ferieåret begynder, bliver pengene automatisk udbetalt. FerieKonto udbetaler pengene til din ' +
      'NemKonto"; "Hvis du har 2.250 kr. eller mindre til gode, når ferieåret slutter, bliver pengene automatisk ' +
      'udbetalt." Ferieloven § 5: 2,08 days of holiday a month, 25 days a year. kk.dk "Værd at vide om feriepenge": ' +
      '"Du kan tidligst få dine feriepenge udbetalt en måned før, du holder første feriedag" (a municipal page; ' +
      'confirm with FerieKonto).',
  },
];
