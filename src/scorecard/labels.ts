import { formatKeyResultValue } from '../components/format';
import { KeyResultModel } from '../okr';

/** The dash every view shows for a number the core could not compute. */
export const NO_VALUE = '–';

/**
 * Progress as a whole percentage, unclamped: the label tells the truth even where the bar cannot
 * (1.123 → "112%", −0.05 → "-5%"). Null or non-finite → "–".
 */
export function formatPercent(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) {
    return NO_VALUE;
  }
  // Math.round(-0.4) is -0, which would print as "0%" anyway; normalise it so tests can compare strings.
  return `${Math.round(progress * 100) || 0}%`;
}

/**
 * "current / goal" in the field's unit. The goal reads as the kind judges it:
 * increase/decrease "200", stayAbove "≥ 200", stayBelow "≤ 200", stayWithin "180–220".
 */
export function formatCurrentVsTarget(kr: KeyResultModel): string {
  return `${formatKeyResultValue(kr, kr.current)} / ${formatGoal(kr)}`;
}

function formatGoal(kr: KeyResultModel): string {
  const target = formatKeyResultValue(kr, kr.target);
  if (kr.target === null || !Number.isFinite(kr.target)) {
    return target;
  }
  switch (kr.kind) {
    case 'stayAbove':
      return `≥ ${target}`;
    case 'stayBelow':
      return `≤ ${target}`;
    case 'stayWithin':
      return `${target}–${formatKeyResultValue(kr, kr.targetMax)}`;
    default:
      return target;
  }
}

/** "3 breaches", "1 breach", "No breaches". */
export function formatBreachCount(count: number): string {
  if (!Number.isFinite(count) || count <= 0) {
    return 'No breaches';
  }
  return count === 1 ? '1 breach' : `${count} breaches`;
}
