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

export const OPTIONS_SCHEMA_VERSION = 2;

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
  /** A number, "+15%" / "-10%" of the baseline, or "+50" / "-20" from it (src/okr/target.ts). */
  target: number | string;
  /** Upper bound for kind = stayWithin ([target, targetMax] is the good band). */
  targetMax?: number;
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
  /** Optional: where the check-ins come from. Absent: no check-ins, and every key result needs a series. */
  checkInQuery?: CheckInQueryOption;
}

export const DEFAULT_TOLERANCES: StatusTolerances = { atRisk: 0.05, offTrack: 0.15 };

export const DEFAULT_BREACH_OPTIONS: BreachOptions = { minDurationSeconds: 0 };

export const DEFAULT_BREACH_DIRECTION: BreachDirection = 'off';
