import { dateTimeFormat } from '@grafana/data';

import type { PeriodModel } from '../../okr';

/**
 * A resolved period as the editor shows it, with its last day inclusive, in the dashboard's time zone:
 * "2026-Q3: Jul 1 – Sep 30, 2026", or across a year end "2026-H2: Oct 1, 2026 – Mar 31, 2027". Showing
 * the dates, not only the name, makes a fiscal-year change visible rather than a silent remap.
 */
export function periodText(period: PeriodModel, timeZone: string): string {
  const lastDay = period.end - 1;
  const format = (time: number, pattern: string) => dateTimeFormat(time, { format: pattern, timeZone });
  const sameYear = format(period.start, 'YYYY') === format(lastDay, 'YYYY');
  const from = format(period.start, sameYear ? 'MMM D' : 'MMM D, YYYY');
  return `${period.label}: ${from} – ${format(lastDay, 'MMM D, YYYY')}`;
}
