/**
 * Reading the options of targets that change over time (untrusted JSON): `targetSeries`,
 * `targetMaxSeries` (stayWithin only) and inline `targets: [{ from, value }]`. Nothing here throws, and
 * nothing is rewritten.
 *
 * - The steps win over a plain number: `target` given as well is not used, with a note saying so (and
 *   `targetMax` beside a `targetMaxSeries` likewise), so a panel keeps judging while the analyst tidies up.
 * - `targetSeries` and `targets` together are ambiguous: a problem (the key result is invalid).
 * - A series option must be a name or /regex/; "" and null mean unset, like an empty `targets` list.
 * - Each inline step needs `from` (a date, checked against the time zone at evaluation) and a `value`: a
 *   number, or like `target` a "+15%" / "+50" relative to the baseline. A step that cannot be read is a
 *   problem naming it: judging against a target the analyst did not write would mislead.
 *   Example: `[{ "from": "2026-07-01", "value": 1600000 }, { "from": "2026-08-01", "value": "abc" }]` →
 *   "targets step 2 value 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 /
 *   -20 from it".
 */
import type { KeyResultKind } from '../types';
import { isRecord, isUnset, quote } from './readers';
import { readTarget, type TargetSpec } from './target';

export interface InlineStepDef {
  /** 1-based, as messages name it. */
  number: number;
  from: unknown;
  value: TargetSpec;
}

export interface TargetOverTimeDef {
  /** `targetSeries`: the lower bound (or the target) from a series. */
  series: string | null;
  /** `targetMaxSeries`: a stayWithin band's upper bound from a series. */
  maxSeries: string | null;
  /** `targets`: inline steps of the lower bound (or the target). */
  steps: InlineStepDef[] | null;
}

export interface TargetOverTimeRead {
  /** null when the target is one number. */
  overTime: TargetOverTimeDef | null;
  /** `target` is not read: the steps give it. */
  replacesTarget: boolean;
  /** `targetMax` is not read: targetMaxSeries gives it. */
  replacesTargetMax: boolean;
  problems: string[];
  notes: string[];
}

const STEP_EXAMPLE = '{"from": "2026-07-01", "value": 1600000}';

export function readTargetOverTime(source: Record<string, unknown>, kind: KeyResultKind | null): TargetOverTimeRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const series = readSeriesName(source.targetSeries, 'targetSeries', problems);
  const maxSeries = kind === 'stayWithin' ? readSeriesName(source.targetMaxSeries, 'targetMaxSeries', problems) : null;
  const steps = readSteps(source.targets, problems);
  if (series !== null && steps !== null) {
    problems.push('targetSeries and targets are both set: keep one source for the target over time');
  }
  const replacesTarget = series !== null || steps !== null;
  const replacesTargetMax = maxSeries !== null;
  if (replacesTarget && !isUnset(source.target)) {
    notes.push(`target ${quote(source.target)} is not used: the target over time comes from ${lowerSource(series)}`);
  }
  if (replacesTargetMax && !isUnset(source.targetMax)) {
    notes.push(`targetMax ${quote(source.targetMax)} is not used: the upper bound comes from targetMaxSeries`);
  }
  const overTime = replacesTarget || replacesTargetMax ? { series, maxSeries, steps } : null;
  return { overTime, replacesTarget, replacesTargetMax, problems, notes };
}

function lowerSource(series: string | null): string {
  return series !== null ? `targetSeries ${quote(series)}` : 'targets';
}

/** A name or /regex/; a value of another type is a problem, and still counts as set. */
function readSeriesName(value: unknown, what: string, problems: string[]): string | null {
  if (isUnset(value)) {
    return null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return value;
  }
  problems.push(`${what} ${quote(value)} must be a series name or /regex/`);
  return typeof value === 'string' ? null : String(value);
}

function readSteps(value: unknown, problems: string[]): InlineStepDef[] | null {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  if (!Array.isArray(value)) {
    problems.push(`targets ${quote(value)} must be a list of steps such as ${STEP_EXAMPLE}`);
    return [];
  }
  const steps: InlineStepDef[] = [];
  value.forEach((raw, i) => {
    const number = i + 1;
    if (!isRecord(raw)) {
      problems.push(`targets step ${number} ${quote(raw)} must be an object such as ${STEP_EXAMPLE}`);
      return;
    }
    if (isUnset(raw.from)) {
      problems.push(`targets step ${number} has no 'from' date`);
    }
    const read = readTarget(raw.value, `targets step ${number} value`);
    if (read.ok) {
      steps.push({ number, from: raw.from, value: read.spec });
    } else {
      problems.push(read.message);
    }
  });
  return steps;
}
