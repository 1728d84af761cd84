/**
 * Periods: a quarter "YYYY-Qn" or an explicit { from, to }, resolved to a half-open [start, end) in the
 * dashboard's time zone ('utc', 'browser' = the process's local zone, or an IANA name).
 *
 * Calendar arithmetic is moment-timezone's (through @grafana/data's dateTimeForTimeZone), never a
 * hand-written offset, so DST is right. Worked example: 2026-Q4 in Europe/Berlin starts at
 * 2026-10-01T00:00+02:00 (1790805600000) and ends at 2027-01-01T00:00+01:00 — a span that is one hour
 * longer than the same quarter in UTC because the clocks go back in October.
 *
 * Fiscal quarters: `fiscalYearStartMonth` (0 = Jan … 11 = Dec) shifts quarters as Grafana's "now/fQ"
 * rounding does (roundToFiscal in @grafana/data's datemath): fiscal Q1 starts in that month.
 * Grafana itself never names a fiscal year (it only rounds to fiscal boundaries), so we name the fiscal
 * year by the calendar year in which it STARTS. Example, start month 3 (April): "2026-Q1" is
 * 2026-04-01 → 2026-07-01, "2026-Q4" is 2027-01-01 → 2027-04-01.
 *
 * Custom periods parse ISO 8601 dates or date-times in the dashboard zone (an explicit offset or Z in
 * the text wins). `to` is exclusive as written: { from: "2026-07-01", to: "2026-10-01" } is Q3 exactly;
 * { to: "2026-09-30" } stops at the start of Sep 30.
 */
import { dateTime, dateTimeForTimeZone, getZone, ISO_8601, type DateTime } from '@grafana/data';
import type { PeriodModel } from './model';

export type PeriodResult = { ok: true; period: PeriodModel } | { ok: false; message: string };

export interface PeriodContext {
  timeZone: string;
  fiscalYearStartMonth: number;
}

export interface QuarterRef {
  year: number;
  quarter: number;
}

const QUARTER_PATTERN = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i;

/**
 * 'utc' and 'browser' pass through; '' / undefined mean 'browser' as in Grafana; an IANA name must be
 * known to moment-timezone, else UTC is used and the caller gets a message to show.
 */
export function normalizeTimeZone(timeZone: unknown): { timeZone: string; message?: string } {
  if (timeZone === undefined || timeZone === null || timeZone === '' || timeZone === 'browser') {
    return { timeZone: 'browser' };
  }
  if (typeof timeZone !== 'string') {
    return { timeZone: 'utc', message: `time zone ${JSON.stringify(timeZone)} is not a string; using UTC` };
  }
  if (timeZone.toLowerCase() === 'utc') {
    return { timeZone: 'utc' };
  }
  if (getZone(timeZone)) {
    return { timeZone };
  }
  return { timeZone: 'utc', message: `time zone '${timeZone}' is unknown; using UTC` };
}

/**
 * moment-timezone parsing costs ~0.1 ms; a dashboard re-evaluates the same few period and milestone
 * strings on every refresh, so results are memoised (a pure function of text and zone; bounded).
 */
const instantMemo = new Map<string, number | null>();
const MEMO_LIMIT = 1000;

/** Parses an ISO 8601 date or date-time as wall-clock time in `timeZone`; null when it does not parse. */
export function parseInstant(text: string, timeZone: string): number | null {
  // 'browser' depends on the process zone, which is fixed for the life of the page.
  const key = `${timeZone}\u0000${text}`;
  const known = instantMemo.get(key);
  if (known !== undefined) {
    return known;
  }
  if (instantMemo.size >= MEMO_LIMIT) {
    instantMemo.clear();
  }
  const parsed = parseInstantUncached(text, timeZone);
  instantMemo.set(key, parsed);
  return parsed;
}

function parseInstantUncached(text: string, timeZone: string): number | null {
  const trimmed = text.trim();
  // moment's ISO parser accepts a bare year or year-month; require at least a full date.
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    return null;
  }
  const parsed = inZone(timeZone, trimmed);
  return parsed.isValid() ? parsed.valueOf() : null;
}

/** First instant of a (fiscal) quarter and of the next one. */
export function quarterBounds(ref: QuarterRef, context: PeriodContext): { start: number; end: number } {
  const firstMonth = context.fiscalYearStartMonth + 3 * (ref.quarter - 1);
  return {
    start: startOfMonth(ref.year, firstMonth, context.timeZone),
    end: startOfMonth(ref.year, firstMonth + 3, context.timeZone),
  };
}

export function parseQuarter(text: string): QuarterRef | null {
  const match = QUARTER_PATTERN.exec(text);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export function resolvePeriod(option: unknown, context: PeriodContext): PeriodResult {
  if (typeof option === 'string') {
    return resolveQuarter(option, context);
  }
  if (isRecord(option) && ('from' in option || 'to' in option)) {
    return resolveCustom(option, context.timeZone);
  }
  return { ok: false, message: invalidPeriodMessage(option) };
}

function resolveQuarter(text: string, context: PeriodContext): PeriodResult {
  const ref = parseQuarter(text);
  if (!ref) {
    return { ok: false, message: invalidPeriodMessage(text) };
  }
  const { start, end } = quarterBounds(ref, context);
  const prefix = context.fiscalYearStartMonth === 0 ? '' : 'FY';
  return { ok: true, period: { start, end, label: `${prefix}${ref.year}-Q${ref.quarter}` } };
}

function resolveCustom(option: Record<string, unknown>, timeZone: string): PeriodResult {
  const from = typeof option.from === 'string' ? parseInstant(option.from, timeZone) : null;
  const to = typeof option.to === 'string' ? parseInstant(option.to, timeZone) : null;
  if (from === null || to === null) {
    const bad = from === null ? 'from' : 'to';
    return { ok: false, message: `${invalidPeriodMessage(option)}: '${bad}' is not an ISO date` };
  }
  if (to <= from) {
    return { ok: false, message: `period 'to' (${String(option.to)}) must be after 'from' (${String(option.from)})` };
  }
  return { ok: true, period: { start: from, end: to, label: `${String(option.from)} → ${String(option.to)}` } };
}

function invalidPeriodMessage(option: unknown): string {
  const shown = typeof option === 'string' ? option : (JSON.stringify(option) ?? String(option));
  return `period '${shown}' is not a quarter like 2026-Q3 or {from, to}`;
}

/** `month` may run past 11: month 14 of 2026 is March 2027. */
function startOfMonth(year: number, month: number, timeZone: string): number {
  const calendarYear = year + Math.floor(month / 12);
  const calendarMonth = (month % 12) + 1;
  const text = `${String(calendarYear).padStart(4, '0')}-${String(calendarMonth).padStart(2, '0')}-01T00:00:00`;
  // Always valid: a well-formed first-of-month in a known zone.
  return parseInstant(text, timeZone) ?? NaN;
}

function inZone(timeZone: string, text: string): DateTime {
  return timeZone === 'browser' ? dateTime(text, ISO_8601) : dateTimeForTimeZone(timeZone, text, ISO_8601);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
