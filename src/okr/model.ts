/**
 * The core's result types: what `evaluate` returns and what the chart, the scorecard and the browser
 * report read. Field names are a contract with the views; add fields, never rename one.
 *
 * Times are epoch milliseconds; durations in the breach summary are seconds. Every number the views
 * draw is computed here, so a view never re-derives progress, pace or breaches.
 */
import type { Field } from '@grafana/data';
import type { ChartLayoutMode, KeyResultKind } from '../types';
import type { AnnotationModel } from './annotations';
import type { CheckIn, LatestCheckIn } from './checkIns';
import type { NumberColumn } from './extract';

export type { AnnotationModel, CheckIn, KeyResultKind, LatestCheckIn };

export type KrStatus = 'notStarted' | 'noData' | 'onTrack' | 'atRisk' | 'offTrack' | 'achieved' | 'missed' | 'invalid';

export interface TimeValue {
  time: number;
  value: number;
}

export interface PeriodModel {
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms: the period is [start, end). */
  end: number;
  label: string;
}

/**
 * A least-squares line over the period's samples up to as-of:
 * trend(t) = intercept + slopePerMs × (t − from), projected to `to` (the period end).
 */
export type ForecastModel =
  | {
      ok: true;
      /** Trend value at the period end. */
      value: number;
      /** Progress of `value` (null for stay* kinds or when progress is undefined). */
      progress: number | null;
      /** (target − current) / days left; null when the period has ended or there is no target direction. */
      requiredPerDay: number | null;
      slopePerMs: number;
      /** Trend value at `from`. */
      intercept: number;
      /** Time of the first sample used in the fit. */
      from: number;
      /** Period end. */
      to: number;
      /** Number of samples in the fit. */
      points: number;
      /** Standard deviation of the samples around the trend; the chart's band is trend ± 2 × this. */
      residualStd: number;
    }
  | { ok: false; reason: string };

/**
 * One step of a target that changes over time: in force from `time` until the next step's time (the last
 * until the period's end). `value` null: no target in force; `max`: a stayWithin band's upper bound.
 */
export interface TargetStep {
  time: number;
  value: number | null;
  max: number | null;
}

export type BreachSource = 'target' | 'threshold';
export type BreachSeverity = 'warning' | 'critical';

export interface Breach {
  /** Interpolated crossing time into the bad side (or the first bad sample's time). */
  start: number;
  /** Interpolated crossing time back (or the last bad sample's time). */
  end: number;
  /** Runs to the last sample in [start, as-of] and that sample is still bad. */
  ongoing: boolean;
  durationSeconds: number;
  /** The sample value furthest on the bad side (where a stepped target moves, the line's value at the step counts). */
  worst: number;
  /** The bound that was crossed (for a band, the side the worst value is on; for steps, the one in force there). */
  bound: number;
  severity: BreachSeverity;
  source: BreachSource;
}

export interface KeyResultModel {
  id: string;
  title: string;
  kind: KeyResultKind;
  status: KrStatus;
  /** Specific problems, e.g. "series 'mrr' not found; available: a, b". */
  messages: string[];
  period: PeriodModel | null;
  /** min(period end, timeRange.to, now). */
  asOf: number | null;
  /** Display name of the matched field. */
  seriesName: string | null;
  /** The matched Grafana field (for unit and display in views). */
  field?: Field;
  /**
   * The series the key result is judged on, sorted by time, NaN for null: the cleaned KPI series (the
   * whole series, not only the period), or for a cumulative key result its running total in the period.
   */
  times: NumberColumn;
  values: NumberColumn;
  /** reducer 'sum': current, pace, forecast and status are on the running total (baseline + sum so far). */
  cumulative: boolean;
  /** Whether any of `values` is NaN (a missing sample). */
  hasMissing: boolean;
  current: number | null;
  /** The effective baseline: as configured, else automatic (first value in the period; 0 when cumulative). */
  baseline: number | null;
  /** The effective target: a relative target ("+15%") resolved against the baseline. */
  target: number | null;
  targetMax: number | null;
  progress: number | null;
  expected: number | null;
  expectedValue: number | null;
  /**
   * Expected trajectory vertices: (start, baseline), milestones…, (end, target). Empty when the target
   * changes over time: the expected value is then the target in force (targetSteps).
   */
  pace: TimeValue[];
  milestones: TimeValue[];
  forecast: ForecastModel;
  /** Sorted by start; target and threshold breaches may overlap each other, never themselves. */
  breaches: Breach[];
  /** Disjoint intervals in the union of all breaches (overlapping target and threshold breaches are one). */
  breachCount: number;
  breachCountBySource: Record<BreachSource, number>;
  /** Length of the union of all breach intervals. */
  breachSeconds: number;
  longestBreachSeconds: number;
  ongoingBreach: boolean;
  /** Time in [period start, as-of] not covered by data (see coverage.ts): neither compliant nor a breach. */
  noDataSeconds: number;
  // Targets that change over time (targetSeries / targets, see targetSteps.ts).
  /**
   * The target over the period, first step at the period's start; empty when the target is one number.
   * `target` is then the one in force at as-of (stay kinds) or at the period's end (increase/decrease).
   */
  targetSteps: TargetStep[];
  /** Display names of the series the target comes from: drawn as the target, never as a KPI. */
  targetSeriesNames: string[];
  /** Time in [period start, as-of] with no target in force: never judged, never a breach. */
  noTargetSeconds: number;
  /** Extra, for views: reducer used, weight in the roll-up, owner/link/color as configured. */
  reducer: string;
  weight: number;
  color?: string;
  owner?: string;
  link?: string;
  description?: string;

  // Check-ins (checkIns.ts): markers on the chart, the latest confidence and note in the scorecard.
  /** No series: updated by hand, `times`/`values` are its check-ins' values (a step line). */
  manual: boolean;
  /** This key result's check-ins, sorted by time, one per time (also those after as-of). */
  checkIns: CheckIn[];
  /** The latest check-in, confidence and note at or before as-of; null when there is none. */
  latestCheckIn: LatestCheckIn | null;
}

export interface ObjectiveModel {
  id: string;
  title: string;
  /** Weighted mean of the key results' progress, each clamped to [0, 1]; null when none has progress. */
  progress: number | null;
  status: KrStatus;
  keyResults: KeyResultModel[];
  messages: string[];
  owner?: string;
  description?: string;
}

export interface PanelModel {
  asOf: number;
  objectives: ObjectiveModel[];
  /** Panel-level problems (options that are not per key result). */
  messages: string[];
  /** Set when `okrQuery` names a query (okrQuery.ts): its refId and how many key results its rows gave. */
  query?: { refId: string; keyResults: number };
  /** The dashboard's annotations (deploys, incidents), sorted by time, for the chart (annotations.ts). */
  annotations: AnnotationModel[];
  /** The wall view's page interval in seconds (options.wall.pageSeconds, validated; default 15). */
  wallPageSeconds?: number;
  /** The chart's arrangement (options.chart.layout, validated; default auto). */
  chartLayout?: ChartLayoutMode;
}
