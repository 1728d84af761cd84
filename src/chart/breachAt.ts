import { Breach } from '../okr';
import { ChartSeries } from './chartModel';

/** The breach of any charted key result that contains `time` (the most severe when several overlap). */
export function breachAt(series: ChartSeries[], time: number): Breach | null {
  let found: Breach | null = null;
  for (const entry of series) {
    for (const kr of entry.keyResults) {
      for (const breach of kr.breaches) {
        if (
          time >= breach.start &&
          time <= breach.end &&
          (!found || (breach.severity === 'critical' && found.severity !== 'critical'))
        ) {
          found = breach;
        }
      }
    }
  }
  return found;
}
