import { PeriodModel } from '../okr';

const DAY_MS = 86_400_000;

/**
 * Where as-of stands in a key result's period, in whole days rounded up: a period ending in 36 hours
 * has "2 days left" until the moment it ends, then "ended" (the end is exclusive and the core caps as-of
 * at the end, so as-of === end means ended).
 * Example: period [Jul 1, Oct 1), as-of Aug 15 12:00 → 46.5 days → { kind: 'running', days: 47 }.
 */
export type PeriodPosition = { kind: 'before'; days: number } | { kind: 'running'; days: number } | { kind: 'ended' };

export function periodPosition(period: PeriodModel | null, asOf: number | null): PeriodPosition | null {
  if (
    !period ||
    asOf === null ||
    !Number.isFinite(asOf) ||
    !Number.isFinite(period.start) ||
    !Number.isFinite(period.end)
  ) {
    return null;
  }
  if (asOf >= period.end) {
    return { kind: 'ended' };
  }
  if (asOf < period.start) {
    return { kind: 'before', days: Math.ceil((period.start - asOf) / DAY_MS) };
  }
  return { kind: 'running', days: Math.ceil((period.end - asOf) / DAY_MS) };
}

export function formatPeriodPosition(position: PeriodPosition | null): string {
  if (!position) {
    return '–';
  }
  switch (position.kind) {
    case 'ended':
      return 'ended';
    case 'before':
      return `starts in ${pluralDays(position.days)}`;
    case 'running':
      return `${pluralDays(position.days)} left`;
  }
}

function pluralDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** "2026-Q3" → "Q3 2026", "FY2026-H1" → "H1 FY2026", "2026-08" → "Aug 2026"; other labels as they are. */
export function periodName(label: string): string {
  const part = /^(FY)?(\d{4})-([QH]\d)$/.exec(label);
  if (part) {
    return `${part[3]} ${part[1] ?? ''}${part[2]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  const name = month ? MONTH_NAMES[Number(month[2]) - 1] : undefined;
  return month && name ? `${name} ${month[1]}` : label;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
