/**
 * Wall-clock time in the dashboard's time zone ('utc', 'browser' = the process's local zone, or an IANA
 * name). Calendar arithmetic is moment-timezone's (through @grafana/data's dateTime helpers), never a
 * hand-written offset, so DST is right: 2026-10-01T00:00 in Europe/Berlin is 1790805600000 (+02:00) and
 * 2027-01-01T00:00 there is +01:00.
 *
 * Months are counted as one absolute index (year × 12 + month, month 0 = January) so period arithmetic
 * ("the quarter before", "the fiscal half containing") is integer arithmetic on that index.
 */
import { dateTime, dateTimeForTimeZone, getZone, ISO_8601, type DateTime } from '@grafana/data';

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

/** First instant of an absolute month index in `timeZone`: index 24318 (2026 × 12 + 6) is July 2026. */
export function startOfMonthIndex(monthIndex: number, timeZone: string): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01T00:00:00`;
  // Always valid: a well-formed first-of-month in a known zone.
  return parseInstant(text, timeZone) ?? NaN;
}

/** The absolute month index that `instant` falls in, on the wall clock of `timeZone`. */
export function monthIndexAt(instant: number, timeZone: string): number {
  const local = timeZone === 'browser' ? dateTime(instant) : dateTimeForTimeZone(timeZone, instant);
  // Grafana's DateTime type hides moment's year()/month(); 'YYYY M' gives both in one call.
  const [year, month] = local.format('YYYY M').split(' ').map(Number);
  return year * 12 + month - 1;
}

function inZone(timeZone: string, text: string): DateTime {
  return timeZone === 'browser' ? dateTime(text, ISO_8601) : dateTimeForTimeZone(timeZone, text, ISO_8601);
}
