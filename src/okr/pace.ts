/**
 * Pace (where the KR should be by as-of) and status.
 *
 * Expected trajectory: a polyline through (start, baseline), each milestone sorted by time, (end,
 * target). Without milestones it is the straight line, so expected progress = (asOf − start) /
 * (end − start). The expected VALUE at as-of is read off the polyline; expected progress is the
 * progress of that value — one rule for both cases.
 * Example, Q3 2026 (92 days), baseline 1.5M, target 2M, milestone Aug 1 = 1.7M, as-of Aug 16:
 * Aug 1 → Oct 1 is 61 days, Aug 16 is 15 of them, so expected value = 1.7M + 15/61 × 0.3M ≈ 1.7738M,
 * expected progress ≈ 0.5475 (the straight line would say 46/92 = 0.5).
 * Milestones outside the open period (start, end) or with an unparsable date are ignored with a note.
 * Milestone dates are read in the dashboard's time zone, like periods.
 *
 * Status, first rule that applies:
 * 1. as-of < start → notStarted.
 * 2. no non-null sample in [start, as-of] → noData.
 * 3. increase/decrease, period over (as-of ≥ end): progress ≥ 1 → achieved, else missed.
 * 4. increase/decrease, running: gap = progress − expected; gap ≥ −atRisk → onTrack;
 *    gap ≥ −offTrack → atRisk; else offTrack. Defaults 0.05/0.15: progress 0.40 vs expected 0.50 is
 *    a gap of −0.10 → atRisk.
 * 5. stay* kinds judge only their own target breaches (threshold breaches are informational):
 *    period over → achieved if never breached in the period, else missed; running → offTrack while a
 *    breach is ongoing at as-of, atRisk if one happened earlier, onTrack if never.
 */
import type { KeyResultKind, StatusTolerances } from '../types';
import type { KrStatus, PeriodModel, TimeValue } from './model';
import { parseInstant } from './period';
import { isStayKind, progressOf } from './progress';
import type { MilestoneDef } from './validate';

export interface StatusInput {
  kind: KeyResultKind;
  period: PeriodModel;
  asOf: number;
  hasData: boolean;
  progress: number | null;
  expected: number | null;
  tolerances: StatusTolerances;
  targetBreaches: { any: boolean; ongoing: boolean };
}

export function resolveMilestones(
  milestones: readonly MilestoneDef[],
  context: { period: PeriodModel | null; timeZone: string }
): { milestones: TimeValue[]; notes: string[] } {
  const resolved: TimeValue[] = [];
  const notes: string[] = [];
  for (const milestone of milestones) {
    const time = typeof milestone.at === 'string' ? parseInstant(milestone.at, context.timeZone) : null;
    const shown = typeof milestone.at === 'string' ? milestone.at : JSON.stringify(milestone.at);
    if (time === null) {
      notes.push(`milestone at '${shown}' is not an ISO date; ignored`);
    } else if (context.period === null) {
      continue; // only the date can be checked without a period
    } else if (time <= context.period.start || time >= context.period.end) {
      notes.push(`milestone at '${shown}' is outside the period ${context.period.label}; ignored`);
    } else {
      resolved.push({ time, value: milestone.value });
    }
  }
  resolved.sort((a, b) => a.time - b.time);
  return { milestones: resolved, notes };
}

export function paceVertices(input: {
  period: PeriodModel;
  baseline: number;
  target: number;
  milestones: readonly TimeValue[];
}): TimeValue[] {
  return [
    { time: input.period.start, value: input.baseline },
    ...input.milestones,
    { time: input.period.end, value: input.target },
  ];
}

/** The polyline's value at `time`, clamped to its first and last vertex. */
export function valueOnPace(pace: readonly TimeValue[], time: number): number {
  if (time <= pace[0].time) {
    return pace[0].value;
  }
  for (let i = 1; i < pace.length; i++) {
    const right = pace[i];
    if (time <= right.time) {
      const left = pace[i - 1];
      const fraction = right.time === left.time ? 1 : (time - left.time) / (right.time - left.time);
      return left.value + fraction * (right.value - left.value);
    }
  }
  return pace[pace.length - 1].value;
}

export function expectedAt(input: { pace: readonly TimeValue[]; asOf: number; baseline: number; target: number }): {
  expectedValue: number;
  expected: number | null;
} {
  const expectedValue = valueOnPace(input.pace, input.asOf);
  return { expectedValue, expected: progressOf(expectedValue, input.baseline, input.target) };
}

export function statusOf(input: StatusInput): KrStatus {
  if (input.asOf < input.period.start) {
    return 'notStarted';
  }
  if (!input.hasData) {
    return 'noData';
  }
  const ended = input.asOf >= input.period.end;
  if (isStayKind(input.kind)) {
    return stayStatus(ended, input.targetBreaches);
  }
  if (input.progress === null) {
    return 'invalid';
  }
  if (ended) {
    return input.progress >= 1 ? 'achieved' : 'missed';
  }
  return gapStatus(input.progress - (input.expected ?? 0), input.tolerances);
}

function stayStatus(ended: boolean, breaches: { any: boolean; ongoing: boolean }): KrStatus {
  if (ended) {
    return breaches.any ? 'missed' : 'achieved';
  }
  return breaches.ongoing ? 'offTrack' : breaches.any ? 'atRisk' : 'onTrack';
}

/** A tiny epsilon so 0.45 − 0.5 (= −0.04999…) is not pushed over a tolerance by rounding. */
function gapStatus(gap: number, tolerances: StatusTolerances): KrStatus {
  const epsilon = 1e-9;
  if (gap >= -tolerances.atRisk - epsilon) {
    return 'onTrack';
  }
  return gap >= -tolerances.offTrack - epsilon ? 'atRisk' : 'offTrack';
}
