import { formatKeyResultValue } from '../components/format';
import { isStayKind, KeyResultKind, KeyResultModel } from '../okr';

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

/**
 * What a key result's percentage measures, where it is not "how far from baseline to target": for the
 * stay kinds it is the share of the period so far spent within the target, so "94%" beside "Off track"
 * (a breach is ongoing) reads as what it is. null for increase/decrease.
 */
export function progressMeaning(kind: KeyResultKind): string | null {
  return isStayKind(kind) ? 'of the time within target' : null;
}
