/**
 * One saved key result (untrusted JSON) → a KeyResultDef: typed values, blocking `problems` (the key
 * result is 'invalid') and non-blocking `notes` (shown; it still evaluates). Nothing here throws.
 *
 * - kind, series, target and period are required; a missing one says "missing", a wrong one names the
 *   value: "kind 'grow' is not one of increase, …". Except series on a panel with a check-in query
 *   (`manualAllowed`): a key result with no series (absent, null or blank) is then manual, updated by
 *   hand through check-ins (keyResult.ts), as "Expand into 2 new market segments" is.
 * - baseline is optional: undefined, null and "" mean automatic (see keyResult.ts).
 * - target: a number or a relative target (target.ts); targetMax, the upper bound of stayWithin, too.
 * - weight defaults to 1; a negative or non-numeric weight is a note and counts as 1.
 * - milestones: a value that is not a number drops that milestone with a note; dates are checked
 *   against the period later (pace.ts).
 * - each: true makes one key result per series that `series` matches (each.ts); anything but true or
 *   false is a note and counts as false.
 * - targets that change over time (targetSeries, targetMaxSeries, targets): targetStepsDef.ts; with
 *   them `target` (or `targetMax`) is optional and not used.
 */
import { fieldReducers, ReducerID } from '@grafana/data';
import { KEY_RESULT_KINDS, type KeyResultKind } from '../types';
import { asRecord, isRecord, isUnset, nonEmptyString, quote, readNumber } from './readers';
import { readTarget, type TargetSpec } from './target';
import { readTargetOverTime, type TargetOverTimeDef } from './targetStepsDef';

export interface MilestoneDef {
  at: unknown;
  value: number;
}

export interface KeyResultDef {
  id: string;
  title: string;
  /** null only when `problems` says why. */
  kind: KeyResultKind | null;
  series: string | null;
  period: unknown;
  baseline: number | null;
  /** null with no problem when the target changes over time (`overTime` replaces it). */
  target: TargetSpec | null;
  targetMax: TargetSpec | null;
  /** Targets that change over time; null when the target is one number. */
  overTime: TargetOverTimeDef | null;
  reducer: string;
  milestones: MilestoneDef[];
  weight: number;
  color?: string;
  owner?: string;
  link?: string;
  description?: string;
  /** One key result per matching series (each.ts). */
  each: boolean;
  /** Blocking: the KR is 'invalid'. */
  problems: string[];
  /** Non-blocking: shown, the KR still evaluates. */
  notes: string[];
  /** Not an object at all: its one problem says so, and nothing else is checked. */
  malformed?: boolean;
  /** No series on a panel with check-ins: its value is its latest check-in's. */
  manual: boolean;
}

export interface ReadSettings {
  /** The panel has a check-in query, so a key result without series is a manual one. */
  manualAllowed?: boolean;
}

export function readKeyResult(
  raw: unknown,
  fallbackId: string,
  index: number,
  settings: ReadSettings = {}
): KeyResultDef {
  const source = asRecord(raw);
  if (!isRecord(raw)) {
    return notAnObject(raw, fallbackId, index);
  }
  const problems: string[] = [];
  const notes: string[] = [];
  const kind = readKind(source.kind, problems);
  const series = nonEmptyString(source.series) ?? null;
  const manual = settings.manualAllowed === true && isBlank(source.series);
  if (series === null && !manual) {
    problems.push('series is missing: name a field or write /regex/');
  }
  const overTime = readTargetOverTime(source, kind);
  problems.push(...overTime.problems);
  notes.push(...overTime.notes);
  const target = overTime.replacesTarget ? null : readTargetSpec(source.target, problems);
  const readsMax = kind === 'stayWithin' && !overTime.replacesTargetMax;
  return {
    id: nonEmptyString(source.id) ?? fallbackId,
    title: nonEmptyString(source.title) ?? `Key result ${index + 1}`,
    kind,
    series,
    period: source.period,
    baseline: isUnset(source.baseline) ? null : readRequired(source.baseline, 'baseline', problems),
    target,
    targetMax: readsMax ? readTargetMax(source.targetMax, target, problems) : null,
    overTime: overTime.overTime,
    reducer: readReducer(source.reducer, problems),
    milestones: readMilestones(source.milestones, notes),
    weight: readWeight(source.weight, notes),
    color: nonEmptyString(source.color),
    owner: nonEmptyString(source.owner),
    link: nonEmptyString(source.link),
    description: nonEmptyString(source.description),
    each: readEach(source.each, notes),
    problems,
    notes,
    manual,
  };
}

function isBlank(value: unknown): boolean {
  return isUnset(value) || (typeof value === 'string' && value.trim() === '');
}

/** One message for a key result that is not an object (null, 5, "x"), rather than one per missing field. */
function notAnObject(raw: unknown, id: string, index: number): KeyResultDef {
  return {
    id,
    title: `Key result ${index + 1}`,
    kind: null,
    series: null,
    period: null,
    baseline: null,
    target: null,
    targetMax: null,
    overTime: null,
    reducer: ReducerID.lastNotNull,
    milestones: [],
    weight: 1,
    each: false,
    problems: [`key result ${index + 1} ${quote(raw)} is not an object`],
    notes: [],
    malformed: true,
    manual: false,
  };
}

function readKind(value: unknown, problems: string[]): KeyResultKind | null {
  const kind = KEY_RESULT_KINDS.find((candidate) => candidate === value);
  if (kind) {
    return kind;
  }
  const what = isUnset(value) ? 'kind is missing: use' : `kind ${quote(value)} is not`;
  problems.push(`${what} one of ${KEY_RESULT_KINDS.join(', ')}`);
  return null;
}

function readTargetSpec(value: unknown, problems: string[]): TargetSpec | null {
  const read = readTarget(value);
  if (read.ok) {
    return read.spec;
  }
  problems.push(read.message);
  return null;
}

function readRequired(value: unknown, what: string, problems: string[]): number | null {
  const read = readNumber(value, what);
  if (read.ok) {
    return read.value;
  }
  problems.push(read.message);
  return null;
}

/** A band below its target is only known at evaluation when either bound is relative. */
function readTargetMax(value: unknown, target: TargetSpec | null, problems: string[]): TargetSpec | null {
  const what = 'targetMax (the upper bound of stayWithin)';
  const read = readTarget(value, what);
  if (!read.ok) {
    problems.push(read.message);
    return null;
  }
  const targetMax = read.spec;
  if (targetMax.kind === 'absolute' && target?.kind === 'absolute' && targetMax.value < target.value) {
    problems.push(
      `targetMax (${targetMax.value}) is below target (${target.value}): the band [target, targetMax] is empty`
    );
    return null;
  }
  return targetMax;
}

function readReducer(value: unknown, problems: string[]): string {
  if (isUnset(value)) {
    return ReducerID.lastNotNull;
  }
  if (typeof value === 'string' && fieldReducers.getIfExists(value)) {
    return value;
  }
  problems.push(`reducer ${quote(value)} is unknown; use a Grafana reducer id such as lastNotNull, mean or max`);
  return ReducerID.lastNotNull;
}

function readMilestones(value: unknown, notes: string[]): MilestoneDef[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    notes.push('milestones must be a list; ignored');
    return [];
  }
  const milestones: MilestoneDef[] = [];
  value.forEach((raw, i) => {
    const source = asRecord(raw);
    const read = readNumber(source.value, `milestone ${i + 1} value`);
    if (read.ok) {
      milestones.push({ at: source.at, value: read.value });
    } else {
      notes.push(`${read.message}; milestone ignored`);
    }
  });
  return milestones;
}

function readWeight(value: unknown, notes: string[]): number {
  if (isUnset(value)) {
    return 1;
  }
  const read = readNumber(value, 'weight');
  if (read.ok && read.value >= 0) {
    return read.value;
  }
  notes.push(`${read.ok ? `weight ${read.value} is negative` : read.message}; using 1`);
  return 1;
}

function readEach(value: unknown, notes: string[]): boolean {
  if (value === true || value === false || value === undefined || value === null) {
    return value === true;
  }
  notes.push(`each ${quote(value)} must be true or false; read as false`);
  return false;
}
