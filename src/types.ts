/**
 * The panel options schema: what analysts write in dashboard JSON and provisioning.
 *
 * These field names are a public contract. Extend them; never rename one silently: a change of shape
 * raises OPTIONS_SCHEMA_VERSION and adds a step in src/migrations/.
 *
 * Saved JSON is untrusted: any field may be missing, a string where a number is expected, or of an
 * unknown value. The core (src/okr/) validates it and reports one specific message per key result; the
 * editor never rewrites what it does not understand.
 */

export const OPTIONS_SCHEMA_VERSION = 4;

/** How a key result is judged. */
export type KeyResultKind = 'increase' | 'decrease' | 'stayAbove' | 'stayBelow' | 'stayWithin';

export const KEY_RESULT_KINDS: readonly KeyResultKind[] = [
  'increase',
  'decrease',
  'stayAbove',
  'stayBelow',
  'stayWithin',
];

/**
 * "2026-Q3", "2026-H1", "2026" (fiscal, see fiscalYearStartMonth), "2026-08" (calendar), "thisQuarter" and
 * the other this/last/next periods, or an explicit half-open [from, to). See src/okr/period.ts.
 */
export type PeriodOption = string | { from: string; to: string };

export interface MilestoneOption {
  /** A date or date-time, read in the dashboard's time zone. */
  at: string;
  value: number;
}

/** One inline target step (`targets`): `value` is in force from `from` until the next step's `from`. */
export interface TargetStepOption {
  /** A date or date-time, read in the dashboard's time zone, like milestones. */
  from: string;
  /** A number, or like `target` a "+15%" / "+50" relative to the baseline. */
  value: number | string;
}

export interface KeyResultOption {
  /** Stable id for links and the editor; generated when missing. */
  id?: string;
  title: string;
  /**
   * A field's display name, or /regex/flags matched against display names. Absent (or empty) on a panel
   * with a checkInQuery: the key result is updated by hand, its value being its latest check-in's.
   */
  series?: string;
  period: PeriodOption;
  kind: KeyResultKind;
  /** Absent or null: the first non-null value inside the period (0 for a cumulative 'sum' key result). */
  baseline?: number | null;
  /**
   * A number, "+15%" / "-10%" of the baseline, or "+50" / "-20" from it (src/okr/target.ts). Optional when
   * the target changes over time (targetSeries or targets), which then win: a target given as well is
   * not used, and a note says so.
   */
  target?: number | string;
  /** Upper bound for kind = stayWithin ([target, targetMax] is the good band). */
  targetMax?: number;

  // Targets that change over time (src/okr/targetSteps.ts).
  /**
   * The target from a series in the data (a display name or /regex/flags, as `series`): each sample holds
   * until the next one (a step), a null sample means no target from then on. stay kinds judge each moment
   * against the step in force; increase/decrease expect the step in force at each moment and measure
   * progress toward the one in force at the period's end. Drawn as the target (a step line), never as a KPI.
   */
  targetSeries?: string;
  /** kind = stayWithin: the upper bound from a series, as targetSeries (`targetMax` is then not used). */
  targetMaxSeries?: string;
  /** Inline target steps, for those without a query of targets; the same rules as targetSeries. */
  targets?: TargetStepOption[];
  /**
   * A Grafana ReducerID (lastNotNull, mean, max, …): how the current value is taken. Default lastNotNull.
   * 'sum' makes the key result cumulative: baseline + the running total (src/okr/cumulative.ts).
   */
  reducer?: string;
  milestones?: MilestoneOption[];
  /** Weight in the objective roll-up. Default 1. */
  weight?: number;
  description?: string;
  owner?: string;
  link?: string;
  /** A Grafana color (name or hex) for this key result's series and overlays. */
  color?: string;
  /**
   * true: one key result per series that `series` matches (a /regex/, or a name several series share),
   * each with its own status, breaches and summary; the objective rolls them up like any others. The
   * title may use Grafana's field variables `${__series.name}` and `${__field.labels.<label>}`; without
   * one, the series' name is added in parentheses. Ids are `<id>/<series name> {<sorted labels>}`.
   */
  each?: boolean;
}

export interface ObjectiveOption {
  id?: string;
  title: string;
  description?: string;
  owner?: string;
  keyResults: KeyResultOption[];
}

/**
 * Status tolerances on the gap (progress − expected progress) of a running increase/decrease key result:
 * gap ≥ −atRisk → onTrack; gap ≥ −offTrack → atRisk; else offTrack.
 */
export interface StatusTolerances {
  atRisk: number;
  offTrack: number;
}

/**
 * Which side of a series' Grafana thresholds is bad: 'above' the first non-base step, 'below' the last
 * step, or 'off'. Set per series in the field config (defaults or an override), beside the thresholds it
 * reads, so one panel can watch latency (bad above) and availability (bad below) together.
 */
export type BreachDirection = 'off' | 'above' | 'below';

/**
 * The panel's custom field config (`fieldConfig.defaults.custom` and `custom.*` override properties).
 * Saved JSON is untrusted here too: the core reads `field.config.custom?.breachDirection` and treats any
 * other value as 'off' with a message.
 */
export interface OkrFieldConfig {
  breachDirection?: BreachDirection;
}

export interface BreachOptions {
  /** Breaches shorter than this are dropped as blips. */
  minDurationSeconds: number;
}

export type ViewMode = 'auto' | 'chart' | 'scorecard' | 'wall';

/**
 * Key results from a query (src/okr/okrQuery.ts): the frames of query `refId` are read as a table of key
 * results, one row each, and added to `objectives`; they are never drawn as KPI series.
 */
export interface OkrQueryOption {
  /** The query's refId ("OKRS"); empty or absent: off. */
  refId?: string;
}

/**
 * Check-ins: the query (by its refId) whose table holds the key results' check-ins, one row each:
 * `time`, `key_result` (a key result's id or title) and any of `value`, `confidence` (0–1, or 0–10 read
 * as tenths), `note`, `author`. That query's frames are never offered as KPI series. A key result with no
 * `series` is updated by hand: its value is its latest check-in's. See src/okr/checkIns.ts.
 */
export interface CheckInQueryOption {
  /** The refId of the panel query that returns the check-in table, e.g. "CHECKINS". */
  refId: string;
}

export interface OkrOptions {
  /** Options schema version; set by migrations, see OPTIONS_SCHEMA_VERSION. */
  schemaVersion: number;
  /** 0 = January … 11 = December: the month fiscal Q1 starts in, as in Grafana's fiscal year setting. */
  fiscalYearStartMonth: number;
  objectives: ObjectiveOption[];
  tolerances: StatusTolerances;
  breaches: BreachOptions;
  view: ViewMode;
  /** Optional: key results read from a query's table, added to `objectives`. */
  okrQuery?: OkrQueryOption;
  /** Optional: where the check-ins come from. Absent: no check-ins, and every key result needs a series. */
  checkInQuery?: CheckInQueryOption;
  /** The wall view's pages (when its key results need more than one). */
  wall?: WallOptions;
  /** How the chart arranges the key results' series. Absent: auto. */
  chart?: ChartOptions;
}

/**
 * 'shared': one chart, a y axis per unit. 'perKeyResult': one small chart per key result, stacked on one
 * time axis with a shared cursor. 'auto': perKeyResult when the charted key results' units differ.
 */
export type ChartLayoutMode = 'auto' | 'shared' | 'perKeyResult';

export const CHART_LAYOUTS: readonly ChartLayoutMode[] = ['auto', 'shared', 'perKeyResult'];

export interface ChartOptions {
  layout: ChartLayoutMode;
}

export interface WallOptions {
  /** Seconds each page shows before the next; at least 1. Default DEFAULT_WALL_OPTIONS.pageSeconds. */
  pageSeconds: number;
}

export const DEFAULT_WALL_OPTIONS: WallOptions = { pageSeconds: 15 };

export const DEFAULT_TOLERANCES: StatusTolerances = { atRisk: 0.05, offTrack: 0.15 };

export const DEFAULT_BREACH_OPTIONS: BreachOptions = { minDurationSeconds: 0 };

export const DEFAULT_BREACH_DIRECTION: BreachDirection = 'off';
