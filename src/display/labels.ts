import { dateTimeFormat, intervalToAbbreviatedDurationString } from '@grafana/data';

import { formatKeyResultValue, formatPercent } from './format';
import { Breach, isStayKind, KeyResultKind, KeyResultModel, LatestCheckIn } from '../okr';

/**
 * "current / goal" in the field's unit. The goal reads as the kind judges it:
 * increase/decrease "200", stayAbove "≥ 200", stayBelow "≤ 200", stayWithin "180–220".
 */
export function formatCurrentVsTarget(kr: KeyResultModel): string {
  return `${formatKeyResultValue(kr, kr.current)} / ${formatGoal(kr)}`;
}

/** The target as the kind judges it: "200", "≥ 200", "≤ 300 ms", "180–220 ms". */
export function formatGoal(kr: KeyResultModel): string {
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

/** A breach's length as Grafana abbreviates durations: "45s", "2h 10m", "1d 1h"; "< 1s" for a blip. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 1) {
    return '< 1s';
  }
  return intervalToAbbreviatedDurationString({ start: new Date(0), end: new Date(seconds * 1000) });
}

/** One breach, how bad and how long: "critical · 2h 10m · worst 412 ms", "… · ongoing" while it runs. */
export function formatBreach(kr: KeyResultModel, breach: Breach): string {
  const parts = [
    breach.severity,
    formatDuration(breach.durationSeconds),
    `worst ${formatKeyResultValue(kr, breach.worst)}`,
  ];
  return breach.ongoing ? [...parts, 'ongoing'].join(' · ') : parts.join(' · ');
}

/**
 * What a key result's percentage measures, where it is not "how far from baseline to target": for the
 * stay kinds it is the share of the period so far spent within the target, so "94%" beside "Off track"
 * (a breach is ongoing) reads as what it is. null for increase/decrease.
 */
export function progressMeaning(kind: KeyResultKind): string | null {
  return isStayKind(kind) ? 'of the time within target' : null;
}

/**
 * The latest check-in as the scorecard and the wall show it: "Confidence 80%" and the latest note with its
 * author and day ("“signed ACME” — Ana, Jul 20"), or, without a note, when and by whom the last check-in was
 * made ("checked in Aug 10 by Ben"). Nulls when there is nothing to say. Days are in the dashboard's zone.
 */
export function formatCheckIn(
  latest: LatestCheckIn | null,
  timeZone?: string
): { confidence: string | null; note: string | null } {
  if (!latest) {
    return { confidence: null, note: null };
  }
  const day = (time: number) => dateTimeFormat(time, { format: 'MMM D', timeZone });
  const confidence = latest.confidence === null ? null : `Confidence ${formatPercent(latest.confidence)}`;
  if (latest.note !== null && latest.noteTime !== null) {
    const by = [latest.author, day(latest.noteTime)].filter(Boolean).join(', ');
    return { confidence, note: `“${latest.note}” — ${by}` };
  }
  const by = latest.author ? ` by ${latest.author}` : '';
  return { confidence, note: `checked in ${day(latest.time)}${by}` };
}

/** A forecast in parts, for views that lay it out: "$1.70M", "3% short" / "meets the target", "+$1.2K/day". */
export interface ForecastParts {
  value: string;
  verdict: string;
  /** The run-rate still needed; null when the trend meets the target or there is no rate. */
  needs: string | null;
}

/**
 * Where the trend lands at the period's end, for increase/decrease key results, with the run-rate still
 * needed when it falls short. The shortfall is relative to the target. null when there is no forecast (too
 * few points, a stay key result, no target).
 * Example: target $1.75M, forecast $1.70M, requiredPerDay 1,200 → { value: "$1.70M", verdict: "3% short",
 * needs: "+$1.20K/day" }.
 */
export function forecastParts(kr: KeyResultModel): ForecastParts | null {
  const forecast = kr.forecast;
  if (!forecast?.ok || isStayKind(kr.kind) || kr.target === null || !Number.isFinite(kr.target)) {
    return null;
  }
  const value = formatKeyResultValue(kr, forecast.value);
  const decreasing = kr.kind === 'decrease';
  const meets = decreasing ? forecast.value <= kr.target : forecast.value >= kr.target;
  if (meets) {
    return { value, verdict: 'meets the target', needs: null };
  }
  const gap = kr.target === 0 ? null : Math.abs(forecast.value - kr.target) / Math.abs(kr.target);
  const verdict =
    gap === null ? 'short' : decreasing ? `${formatPercent(gap)} above target` : `${formatPercent(gap)} short`;
  const perDay = forecast.requiredPerDay;
  const needs =
    perDay !== null && Number.isFinite(perDay)
      ? `${perDay > 0 ? '+' : ''}${formatKeyResultValue(kr, perDay)}/day`
      : null;
  return { value, verdict, needs };
}

/** "on course for $1.70M — 3% short; needs +$1.20K/day", "on course for 2.1% — meets the target", or null. */
export function formatForecast(kr: KeyResultModel): string | null {
  const parts = forecastParts(kr);
  if (!parts) {
    return null;
  }
  return `on course for ${parts.value} — ${parts.verdict}${parts.needs ? `; needs ${parts.needs}` : ''}`;
}
