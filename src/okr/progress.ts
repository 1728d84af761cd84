/**
 * Progress, direction checks and the objective roll-up.
 *
 * Progress (increase and decrease alike) = (current − baseline) / (target − baseline), unclamped:
 * - increase, baseline 1.5M, target 2M, current 1.7M → 0.2M / 0.5M = 0.4;
 * - decrease, baseline 100 ms, target 60 ms, current 70 ms → −30 / −40 = 0.75;
 * - overshoot 2.1M → 1.2; falling below the baseline → negative.
 * target = baseline has no direction: progress is undefined (null) and the KR is 'invalid' — never a
 * division by zero.
 *
 * Direction mismatch (increase with target < baseline, decrease with target > baseline): the formula
 * already measures movement toward the target, so the KR still evaluates with that meaning, and gets a
 * message because the kind and the numbers disagree (usually a typo in one of them).
 *
 * Roll-up: an objective's progress is the weighted mean of its KRs' progress, each clamped to [0, 1]
 * so one overshooting KR cannot hide another that lags. KRs with null progress are left out; when none
 * is left (or all weights are 0) the objective's progress is null.
 * Example: KR A 1.2 (weight 1) → 1, KR B 0.4 (weight 3) → (1×1 + 0.4×3) / 4 = 0.55.
 *
 * Objective status is its worst KR status, worst → best:
 *   offTrack, missed, atRisk, invalid, noData, notStarted, onTrack, achieved.
 * A measured problem (offTrack/missed/atRisk) outranks a configuration problem (invalid), which
 * outranks missing data: each is what the reader should act on first. No KRs → noData.
 */
import type { KeyResultKind } from '../types';
import type { KrStatus } from './model';

export const STATUS_WORST_FIRST: readonly KrStatus[] = [
  'offTrack',
  'missed',
  'atRisk',
  'invalid',
  'noData',
  'notStarted',
  'onTrack',
  'achieved',
];

export function progressOf(value: number, baseline: number, target: number): number | null {
  const span = target - baseline;
  return span === 0 ? null : (value - baseline) / span;
}

/** A message when the kind and the numbers disagree; null when they agree. */
export function directionMismatch(kind: KeyResultKind, baseline: number, target: number): string | null {
  if (kind === 'increase' && target < baseline) {
    return `kind is increase but target (${target}) is below baseline (${baseline}): progress is measured toward the target`;
  }
  if (kind === 'decrease' && target > baseline) {
    return `kind is decrease but target (${target}) is above baseline (${baseline}): progress is measured toward the target`;
  }
  return null;
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export function rollUp(keyResults: ReadonlyArray<{ progress: number | null; weight: number }>): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const { progress, weight } of keyResults) {
    if (progress === null) {
      continue;
    }
    weighted += clamp01(progress) * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}

export function worstStatus(statuses: readonly KrStatus[]): KrStatus {
  if (statuses.length === 0) {
    return 'noData';
  }
  let worst = STATUS_WORST_FIRST.length - 1;
  for (const status of statuses) {
    worst = Math.min(worst, STATUS_WORST_FIRST.indexOf(status));
  }
  return STATUS_WORST_FIRST[worst];
}

export function isStayKind(kind: KeyResultKind): boolean {
  return kind === 'stayAbove' || kind === 'stayBelow' || kind === 'stayWithin';
}
