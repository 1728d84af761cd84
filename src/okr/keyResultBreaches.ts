/**
 * Which bounds a key result is scanned against, and the scans themselves (shared and resumed through
 * scanCache.ts).
 *
 * - Its own target, for stay* kinds (on the series it is judged on: the running total when cumulative).
 * - The field's Grafana thresholds, when the series' field config sets `breachDirection` ('above': above
 *   the first non-base step is bad; 'below': below the last step). It is a field config option, so
 *   analysts set it per series with Grafana's overrides, beside that series' thresholds: latency
 *   'above' and availability 'below' on one panel. Default 'off'.
 * - A direction over exactly Grafana's default thresholds (base + 80) is probably an oversight: those
 *   still apply, and the series is reported once per panel (see evaluate.ts).
 */
import type { Field } from '@grafana/data';
import type { StatusTolerances } from '../types';
import { BreachFold } from './breachFold';
import { thresholdBounds, type BoundSpec } from './breaches';
import type { Breach } from './model';
import { quote } from './readers';
import { isDefaultThresholds } from './thresholds';
import type { SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import type { SeriesData } from './series';

export interface BreachContext {
  minDurationSeconds: number;
  /** tolerances.offTrack is also the share past a target that makes a target breach critical. */
  tolerances: StatusTolerances;
  /** Series whose direction is set over Grafana's default thresholds; evaluate reports them once. */
  defaultThresholdSeries: Set<string>;
}

export interface ScanInput {
  /** The key result's own target bounds (stay kinds; targetBounds, or steps from keyResultSteps.ts). */
  own: BoundSpec | null;
  /** The series the target is judged on, and its window. */
  judged: { series: SeriesData; window: SampleWindow };
  /** The KPI series as sampled, for threshold breaches. */
  raw: { series: SeriesData; window: SampleWindow; field?: Field; name: string };
  asOf: number;
  context: BreachContext;
}

export function scanBreaches(input: ScanInput, messages: string[]): Breach[] {
  const { own, judged, raw, asOf, context } = input;
  const scans: Array<{ spec: BoundSpec; on: { series: SeriesData; window: SampleWindow } }> = [];
  if (own) {
    scans.push({ spec: own, on: judged });
  }
  const fromThresholds = raw.field ? thresholdSpec(raw.field, raw, context, messages) : null;
  if (fromThresholds) {
    scans.push({ spec: fromThresholds, on: raw });
  }
  const found = scans.flatMap(({ spec, on }) => {
    const settings = `${context.minDurationSeconds}|${on.series.gapMs}`;
    const fold = foldWindow(on.series, `breaches|${spec.key}|${settings}`, on.window, {
      init: () => new BreachFold(spec, context.minDurationSeconds),
      add: (state, part) => {
        state.scan(on.series, part.from, part.to);
        return state;
      },
    });
    // A new array per KR, so no two KRs share one a view could mutate.
    return fold.finish(asOf, on.series.gapMs);
  });
  return scans.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

function thresholdSpec(
  field: Field,
  raw: ScanInput['raw'],
  context: BreachContext,
  messages: string[]
): BoundSpec | null {
  const direction: unknown = field.config.custom?.breachDirection;
  if (direction === undefined || direction === null || direction === 'off') {
    return null;
  }
  if (direction !== 'above' && direction !== 'below') {
    messages.push(`breachDirection ${quote(direction)} on series '${raw.name}' is not off, above or below; ignored`);
    return null;
  }
  if (isDefaultThresholds(field.config.thresholds)) {
    context.defaultThresholdSeries.add(raw.name);
  }
  const { bounds, message } = thresholdBounds({ field, direction, series: raw.series });
  if (message) {
    messages.push(message);
  }
  return bounds;
}
