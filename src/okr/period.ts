/**
 * Periods: what a key result's `period` names, resolved to a half-open [start, end) in the dashboard's
 * time zone (see zonedTime.ts). Every form is a run of whole months, so every form resolves the same
 * way: a unit (1, 3, 6 or 12 months) and the absolute index of its first month.
 *
 * | form                      | unit    | example (fiscalYearStartMonth 3 = April, UTC)             |
 * |---------------------------|---------|-----------------------------------------------------------|
 * | "YYYY-Qn"                 | quarter | "2026-Q1" → 2026-04-01 → 2026-07-01                        |
 * | "YYYY-H1", "YYYY-H2"      | half    | "2026-H2" → 2026-10-01 → 2027-04-01                        |
 * | "YYYY"                    | year    | "2026" → 2026-04-01 → 2027-04-01                           |
 * | "YYYY-MM"                 | month   | "2026-08" → 2026-08-01 → 2026-09-01 (calendar, never fiscal) |
 * | this/last/next + Quarter, Half, Year, Month | | "thisQuarter" at 2026-08-15 → FY2026-Q2, Jul 1 → Oct 1 |
 * | { "from": ISO, "to": ISO } | custom | `to` exclusive as written                                  |
 *
 * Fiscal years: `fiscalYearStartMonth` (0 = Jan … 11 = Dec) shifts quarters, halves and years as
 * Grafana's "now/fQ" rounding does. Grafana never names a fiscal year, so a fiscal year is named by the
 * calendar year in which it STARTS, and a "FY" prefix is accepted ("FY2026-Q1" = "2026-Q1").
 *
 * Relative periods are resolved at the anchor a = min(dashboard time range end, now): the period p with
 * p.start < a ≤ p.end. So when a falls exactly on a period start, the period before it is meant: a range
 * that ends at midnight on Jul 1 is a Q2 range. "last"/"next" are the periods before/after that one.
 * Moving the dashboard's range back to last quarter therefore shows how it ended.
 *
 * Custom periods parse ISO 8601 dates or date-times in the dashboard zone (an explicit offset or Z in
 * the text wins). `to` is exclusive as written: { from: "2026-07-01", to: "2026-10-01" } is Q3 exactly.
 */
import type { PeriodModel } from './model';
import { isRecord, quote } from './readers';
import { monthIndexAt, parseInstant, startOfMonthIndex } from './zonedTime';

export { normalizeTimeZone, parseInstant } from './zonedTime';

export type PeriodResult = { ok: true; period: PeriodModel } | { ok: false; message: string };

export interface PeriodContext {
  timeZone: string;
  fiscalYearStartMonth: number;
  /** min(time range end, now), epoch ms: where relative periods are resolved. */
  anchor: number;
}

type Unit = 'month' | 'quarter' | 'half' | 'year';

const MONTHS_IN: Record<Unit, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** A run of whole months: one `unit` long, starting at the absolute month index `first`. */
interface MonthRun {
  unit: Unit;
  first: number;
}

const NAMED_FORMS: ReadonlyArray<{ pattern: RegExp; run: (match: RegExpExecArray, fiscal: number) => MonthRun }> = [
  {
    pattern: /^(?:FY)?(\d{4})-?Q([1-4])$/i,
    run: (m, fiscal) => ({ unit: 'quarter', first: Number(m[1]) * 12 + fiscal + 3 * (Number(m[2]) - 1) }),
  },
  {
    pattern: /^(?:FY)?(\d{4})-?H([12])$/i,
    run: (m, fiscal) => ({ unit: 'half', first: Number(m[1]) * 12 + fiscal + 6 * (Number(m[2]) - 1) }),
  },
  { pattern: /^(?:FY)?(\d{4})$/i, run: (m, fiscal) => ({ unit: 'year', first: Number(m[1]) * 12 + fiscal }) },
  {
    pattern: /^(\d{4})-(0[1-9]|1[0-2])$/,
    run: (m) => ({ unit: 'month', first: Number(m[1]) * 12 + Number(m[2]) - 1 }),
  },
];

const RELATIVE_FORM = /^(this|last|next)(Month|Quarter|Half|Year)$/i;

export const PERIOD_FORMS_HINT =
  '2026-Q3, 2026-H1, 2026, 2026-08, thisQuarter (this/last/next + Month, Quarter, Half or Year) or {from, to}';

export function resolvePeriod(option: unknown, context: PeriodContext): PeriodResult {
  if (option === undefined || option === null || option === '') {
    return { ok: false, message: `period is missing: write ${PERIOD_FORMS_HINT}` };
  }
  if (typeof option === 'string') {
    const run = parseMonthRun(option.trim(), context);
    if (!run) {
      return { ok: false, message: invalidPeriodMessage(option) };
    }
    const period = periodOf(run, context);
    // Years outside 0000–9999 (a fiscal Q4 of 9999, an anchor far from now) have no ISO date to resolve to.
    return Number.isFinite(period.start) && Number.isFinite(period.end)
      ? { ok: true, period }
      : { ok: false, message: `period ${quote(option)} falls outside the years 0000–9999` };
  }
  if (isRecord(option) && ('from' in option || 'to' in option)) {
    return resolveCustom(option, context.timeZone);
  }
  return { ok: false, message: invalidPeriodMessage(option) };
}

function parseMonthRun(text: string, context: PeriodContext): MonthRun | null {
  const fiscal = context.fiscalYearStartMonth;
  for (const form of NAMED_FORMS) {
    const match = form.pattern.exec(text);
    if (match) {
      return form.run(match, fiscal);
    }
  }
  const relative = RELATIVE_FORM.exec(text);
  if (!relative) {
    return null;
  }
  const unit = relative[2].toLowerCase() as Unit;
  const shift = { this: 0, last: -1, next: 1 }[relative[1].toLowerCase() as 'this' | 'last' | 'next'];
  const containing = runContaining(unit, context);
  return { unit, first: containing.first + shift * MONTHS_IN[unit] };
}

/** The run of `unit` with start < anchor ≤ end: the one containing the instant 1 ms before the anchor. */
function runContaining(unit: Unit, context: PeriodContext): MonthRun {
  const months = MONTHS_IN[unit];
  const alignedTo = unit === 'month' ? 0 : context.fiscalYearStartMonth;
  const month = monthIndexAt(context.anchor - 1, context.timeZone);
  return { unit, first: Math.floor((month - alignedTo) / months) * months + alignedTo };
}

function periodOf(run: MonthRun, context: PeriodContext): PeriodModel {
  return {
    start: startOfMonthIndex(run.first, context.timeZone),
    end: startOfMonthIndex(run.first + MONTHS_IN[run.unit], context.timeZone),
    label: labelOf(run, context.fiscalYearStartMonth),
  };
}

/** "2026-Q3", "FY2026-Q1" (fiscal), "2026-H2", "FY2026", "2026-08". */
function labelOf(run: MonthRun, fiscal: number): string {
  if (run.unit === 'month') {
    const year = Math.floor(run.first / 12);
    return `${year}-${String(run.first - year * 12 + 1).padStart(2, '0')}`;
  }
  const fiscalYear = Math.floor((run.first - fiscal) / 12);
  const monthOfYear = run.first - fiscal - fiscalYear * 12;
  const prefix = fiscal === 0 ? '' : 'FY';
  const suffix =
    run.unit === 'year' ? '' : run.unit === 'half' ? `-H${monthOfYear / 6 + 1}` : `-Q${monthOfYear / 3 + 1}`;
  return `${prefix}${fiscalYear}${suffix}`;
}

function resolveCustom(option: Record<string, unknown>, timeZone: string): PeriodResult {
  const from = typeof option.from === 'string' ? parseInstant(option.from, timeZone) : null;
  const to = typeof option.to === 'string' ? parseInstant(option.to, timeZone) : null;
  if (from === null || to === null) {
    const bad = from === null ? 'from' : 'to';
    const missing = option[bad] === undefined || option[bad] === null;
    const why = missing ? `'${bad}' is missing` : `'${bad}' is not an ISO date`;
    return { ok: false, message: `${invalidPeriodMessage(option)}: ${why}` };
  }
  if (to <= from) {
    return { ok: false, message: `period 'to' (${String(option.to)}) must be after 'from' (${String(option.from)})` };
  }
  return { ok: true, period: { start: from, end: to, label: `${String(option.from)} → ${String(option.to)}` } };
}

function invalidPeriodMessage(option: unknown): string {
  return `period ${quote(typeof option === 'string' ? option : (JSON.stringify(option) ?? String(option)))} is not one of ${PERIOD_FORMS_HINT}`;
}
