import { KeyResultModel } from '../okr';
import { testIds } from '../selectors';

/**
 * The machine-readable summary every view puts on each key result it shows: data-* attributes with the
 * core's numbers at full precision (empty for null). The render command's report reads these off the page.
 */
export function summaryAttributes(kr: KeyResultModel): Record<string, string | number> {
  return {
    'data-testid': testIds.keyResultSummary,
    'data-kr-id': kr.id,
    'data-title': kr.title,
    'data-status': kr.status,
    'data-progress': numberAttribute(kr.progress),
    'data-expected': numberAttribute(kr.expected),
    'data-current': numberAttribute(kr.current),
    'data-baseline': numberAttribute(kr.baseline),
    'data-target': numberAttribute(kr.target),
    'data-breach-count': kr.breachCount,
    'data-breach-seconds': kr.breachSeconds,
    'data-breach-count-target': kr.breachCountBySource.target,
    'data-breach-count-threshold': kr.breachCountBySource.threshold,
    'data-ongoing-breach': String(kr.ongoingBreach),
    'data-period-start': numberAttribute(kr.period?.start ?? null),
    'data-period-end': numberAttribute(kr.period?.end ?? null),
    'data-no-data-seconds': kr.noDataSeconds,
    'data-no-target-seconds': kr.noTargetSeconds,
    'data-cumulative': String(kr.cumulative),
    ...checkInAttributes(kr),
  };
}

/**
 * The latest check-in at or before as-of (see the core's latestCheckIn): when, how many so far, the latest
 * confidence (0–1) and note with its author; empty when there is none. `data-manual` marks a key result
 * updated by hand.
 */
function checkInAttributes(kr: KeyResultModel): Record<string, string | number> {
  const latest = kr.latestCheckIn;
  return {
    'data-manual': String(kr.manual),
    'data-check-in-count': latest?.count ?? 0,
    'data-check-in-time': numberAttribute(latest?.time ?? null),
    'data-confidence': numberAttribute(latest?.confidence ?? null),
    'data-check-in-note': latest?.note ?? '',
    'data-check-in-author': latest?.author ?? '',
  };
}

function numberAttribute(value: number | null): string {
  return value === null ? '' : String(value);
}
