import { colorManipulator, GrafanaTheme2 } from '@grafana/data';

import { ChartSeries } from '../chartModel';
import { Breach, BreachSeverity, KeyResultModel, PeriodModel } from '../../okr';
import { ColorSpans, groupSpans } from './breachSpans';
import { OverlayContext } from './overlayContext';

/**
 * What the overlay hooks draw, derived from the chart's series once per data change (a new series array from
 * the panel) and read on every draw: a resize, a zoom or a cursor-driven redraw rebuilds no map, set, sorted
 * array or colour. Keyed by the overlay context, so a new theme (a new config, a new context) starts afresh.
 */
export interface SeriesOverlays {
  /** The key results' distinct periods, in first-seen order. */
  periods: PeriodModel[];
  /** The distinct as-of times still inside their period. */
  asOfTimes: number[];
  /** Every charted breach, shaded by severity: warning first, so critical lies over it. */
  regions: ColorSpans[];
  /** Per key result that has breaches, in series order: its lane under the plot (breachLanes.ts). */
  lanes: BreachLane[];
  /** Per chart series (index 0 = uPlot series 1): its breaches in the breach colours, warning first. */
  lines: ColorSpans[][];
  /** Per chart series: its colour at the forecast band's alpha. */
  forecastFills: string[];
  /** Per y scale: the overlay values on it the axis should take in (yRange.ts). */
  marks: Map<string, number[]>;
  /**
   * Per y scale: where each forecast ends (the period's end) and its value there. The axis takes one in only
   * when that end is in view: a 24-hour range a month before the period ends must not stretch to a trend
   * extrapolated a month ahead (latency "down to −1.8 s").
   */
  forecastMarks: Map<string, Array<{ to: number; value: number }>>;
}

export interface BreachLane {
  title: string;
  /** The key result's line colour, for the lane's marker. */
  color: string;
  warning: ColorSpans | null;
  critical: ColorSpans | null;
  /** Its latest breach is still going on. */
  ongoing: boolean;
}

/** Warning breaches in the theme's warning colour, critical ones in its error colour. */
export function breachColor(breach: Pick<Breach, 'severity'>, theme: GrafanaTheme2): string {
  return breach.severity === 'critical' ? theme.colors.error.main : theme.colors.warning.main;
}

/**
 * Light: the full-height tint only says "something breached here"; which key result and how badly is in
 * its lane under the plot and in its re-coloured line.
 */
const REGION_ALPHA = 0.1;
const FORECAST_ALPHA = 0.12;
const SEVERITIES: BreachSeverity[] = ['warning', 'critical'];

const memo = new WeakMap<OverlayContext, { series: ChartSeries[]; overlays: SeriesOverlays }>();

export function seriesOverlays(context: OverlayContext): SeriesOverlays {
  const series = context.getSeries();
  const last = memo.get(context);
  if (last?.series === series) {
    return last.overlays;
  }
  const overlays = buildSeriesOverlays(series, context.theme);
  memo.set(context, { series, overlays });
  return overlays;
}

export function buildSeriesOverlays(series: ChartSeries[], theme: GrafanaTheme2): SeriesOverlays {
  const keyResults = series.flatMap((entry) => entry.keyResults);
  const periods = new Map<string, PeriodModel>();
  const asOfTimes = new Set<number>();
  for (const kr of keyResults) {
    if (kr.period) {
      periods.set(`${kr.period.start}|${kr.period.end}`, kr.period);
      if (kr.asOf !== null && kr.asOf < kr.period.end) {
        asOfTimes.add(kr.asOf);
      }
    }
  }
  const colored = (alpha: number | null) =>
    SEVERITIES.map((severity): [BreachSeverity, string] => {
      const color = breachColor({ severity }, theme);
      return [severity, alpha === null ? color : colorManipulator.alpha(color, alpha)];
    });
  const severityOf = (breach: Breach) => breach.severity;
  const marks = new Map<string, number[]>();
  const forecastMarks = new Map<string, Array<{ to: number; value: number }>>();
  for (const entry of series) {
    const onScale = marks.get(entry.scaleKey) ?? [];
    const forecasts = forecastMarks.get(entry.scaleKey) ?? [];
    entry.keyResults.forEach((kr) => {
      onScale.push(...overlayValues(kr));
      if (kr.forecast.ok) {
        forecasts.push({ to: kr.forecast.to, value: kr.forecast.value });
      }
    });
    marks.set(entry.scaleKey, onScale);
    forecastMarks.set(entry.scaleKey, forecasts);
  }
  return {
    periods: [...periods.values()],
    asOfTimes: [...asOfTimes],
    regions: groupSpans(breachesOf(keyResults), severityOf, colored(REGION_ALPHA)),
    lanes: mostUrgentFirst(
      series.flatMap((entry) =>
        entry.keyResults.filter((kr) => kr.breaches.length > 0).map((kr) => breachLane(kr, entry.color, theme))
      )
    ),
    lines: series.map((entry) => groupSpans(breachesOf(entry.keyResults), severityOf, colored(null))),
    forecastFills: series.map((entry) => colorManipulator.alpha(entry.color, FORECAST_ALPHA)),
    marks,
    forecastMarks,
  };
}

function breachLane(kr: KeyResultModel, color: string, theme: GrafanaTheme2): BreachLane {
  const spansOf = (severity: BreachSeverity) =>
    groupSpans(kr.breaches, (breach) => breach.severity, [[severity, breachColor({ severity }, theme)]])[0] ?? null;
  const ongoing = kr.breaches[kr.breaches.length - 1]?.ongoing ?? false;
  return { title: kr.title, color, warning: spansOf('warning'), critical: spansOf('critical'), ongoing };
}

/**
 * The lanes in the order they get room when not all fit: a breach going on now first, then one that was
 * critical; series order within each (the sort is stable).
 */
function mostUrgentFirst(lanes: BreachLane[]): BreachLane[] {
  const urgency = (lane: BreachLane) => (lane.ongoing ? 2 : 0) + (lane.critical ? 1 : 0);
  return [...lanes].sort((a, b) => urgency(b) - urgency(a));
}

function* breachesOf(keyResults: KeyResultModel[]): Iterable<Breach> {
  for (const kr of keyResults) {
    yield* kr.breaches;
  }
}

/**
 * The values a key result draws on its scale, which the axis should show wherever the chart's range is;
 * the forecast's end value only counts when the period's end is in view (forecastMarks).
 */
export function overlayValues(kr: KeyResultModel): number[] {
  const steps = kr.targetSteps.flatMap((step) => [step.value, step.max]);
  const values = [kr.target, kr.targetMax, ...steps].filter((value): value is number => value !== null);
  if (!kr.kind.startsWith('stay')) {
    values.push(...kr.pace.map((vertex) => vertex.value));
  }
  return values;
}

/** The forecast values whose end (the period's end) lies within the visible x range, up to `xMax`. */
export function forecastsInView(forecasts: ReadonlyArray<{ to: number; value: number }>, xMax: number): number[] {
  return forecasts.filter((forecast) => forecast.to <= xMax).map((forecast) => forecast.value);
}
