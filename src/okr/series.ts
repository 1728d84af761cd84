/**
 * Frames → numeric series: the ONE place in the core that reads DataFrames.
 *
 * A candidate series is a (time field, numeric field) pair. Shapes handled:
 * - wide: one time field + many number fields → one candidate per number field;
 * - one frame per series with labels (Prometheus, Loki, Azure…) → same rule, one per frame;
 * - long (SQL "table"): a time field + number field(s) + string columns, recognised by
 *   meta.type 'timeseries-long' or by a repeated timestamp → rows are partitioned by the distinct
 *   combination of string values and each partition's number fields get those values as labels, as
 *   Grafana's time series panel does for long frames (partitionByValues, which @grafana/data does not
 *   export). Rows (t1, v=10, c=a), (t1, v=110, c=b) give "v a" = [10] and "v b" = [110]. A table whose
 *   times are all distinct keeps its string columns as plain columns (ignored), like Grafana.
 *
 * Names are Grafana's: getFieldDisplayName(field, frame, frames). A KR's `series` matches a display
 * name exactly, else a field name (field.name) exactly, else it is read as /regex/flags against display
 * names. Several matches: the first in frame order is used and the KR gets a message naming the others,
 * so a dashboard never silently mixes series.
 *
 * The time field is the field of type time, else a field named time/ts/timestamp/datetime/date
 * (any case) whose first value parses as a time. Value fields are number fields, or string fields
 * whose values are numeric strings ("12.5"). Cleaning (sorting, nulls, gaps) is extract.ts's.
 *
 * A spec that names no candidate but names a field that exists gets that field's reason (unusable.ts):
 * "series 'active' is a boolean field: …" rather than "not found".
 */
import { DataFrameType, FieldType, getFieldDisplayName, type DataFrame, type Field } from '@grafana/data';
import { extractSeriesCached, parseTime, parseValue, type SeriesData } from './extract';
import { listNames } from './readers';
import { findUnusable, unusableFields, type UnusableField } from './unusable';

export type { SeriesData };

export interface SeriesCandidate {
  displayName: string;
  fieldName: string;
  field: Field;
  /** The frame the field is in (for a long frame, its partition) and the frames its name was made among. */
  frame: DataFrame;
  frames: DataFrame[];
  /** The time field beside it (a target series checks it for repeated times). */
  timeField: Field;
  /** Extracted once on first use and shared by every KR that matches this candidate. */
  data(): SeriesData;
}

export interface SeriesCatalog {
  candidates: SeriesCandidate[];
  /** Why the data has no candidates, for the "not found" message. */
  emptyReason: string | null;
  /** Fields that exist but cannot be a series; optional so a catalog of nothing can be written `{ candidates: [], … }`. */
  unusable?: UnusableField[];
}

/** `invalid` when the spec itself is broken (a regex that does not compile), not merely unmatched. */
export type SeriesMatch =
  { ok: true; candidate: SeriesCandidate; messages: string[] } | { ok: false; message: string; invalid: boolean };

/** Every candidate a spec names, in frame order; `what` names the spec in messages ("series regex /x/"). */
export type SeriesMatches =
  { ok: true; matches: SeriesCandidate[]; what: string } | { ok: false; message: string; invalid: boolean };

const TIME_NAMES = new Set(['time', 'ts', 'timestamp', 'datetime', 'date']);
const REGEX_SPEC = /^\/(.*)\/([a-z]*)$/s;

export function buildCatalog(frames: DataFrame[]): SeriesCatalog {
  const candidates: SeriesCandidate[] = [];
  const unusable: UnusableField[] = [];
  const fieldNames: string[] = [];
  for (const frame of frames) {
    fieldNames.push(...frame.fields.map((field) => field.name));
    const timeField = findTimeField(frame);
    const numeric = frame.fields.filter((field) => field !== timeField && isNumericField(field));
    unusable.push(...unusableFields({ frame, frames, timeField, numeric }));
    if (!timeField) {
      continue;
    }
    const labelColumns = frame.fields.filter(
      (field) => field !== timeField && field.type === FieldType.string && !numeric.includes(field)
    );
    if (labelColumns.length > 0 && numeric.length > 0 && isLongFrame(frame, timeField)) {
      candidates.push(...partitionLong({ frame, timeField, numeric, labelColumns }));
    } else {
      candidates.push(...numeric.map((field) => makeCandidate({ field, timeField, frame, allFrames: frames })));
    }
  }
  return {
    candidates,
    emptyReason: candidates.length > 0 ? null : describeEmpty(frames, fieldNames),
    // Nearest first (a stable sort), so /.*/ over (time, active) explains 'active', not 'time'.
    unusable: unusable.sort((a, b) => a.nearness - b.nearness),
  };
}

/** `option` names the option in messages: 'series', or 'targetSeries' for targets that change over time. */
export function matchSeries(catalog: SeriesCatalog, spec: string, option = 'series'): SeriesMatch {
  const found = matchAllSeries(catalog, spec, option);
  return found.ok ? pickFirst(catalog, found.what, found.matches) : found;
}

/**
 * Every candidate `spec` names: a display name exactly, else a field name exactly (several Prometheus
 * frames share the field name 'Value'), else /regex/flags against display names. Nothing matched and a
 * field that cannot be a series is named: that field's reason. Nothing matched at all: ok with no matches.
 */
export function matchAllSeries(catalog: SeriesCatalog, spec: string, option = 'series'): SeriesMatches {
  const regex = REGEX_SPEC.exec(spec);
  if (regex) {
    return matchRegex(catalog, spec, regex, option);
  }
  const what = `${option} '${spec}'`;
  const byDisplay = catalog.candidates.filter((candidate) => candidate.displayName === spec);
  const matches = byDisplay.length > 0 ? byDisplay : catalog.candidates.filter((c) => c.fieldName === spec);
  if (matches.length === 0) {
    const named = findUnusable(catalog.unusable ?? [], spec);
    if (named) {
      return { ok: false, message: `${what} ${named.reason()}`, invalid: false };
    }
  }
  return { ok: true, matches, what };
}

function matchRegex(catalog: SeriesCatalog, spec: string, parts: RegExpExecArray, option: string): SeriesMatches {
  let pattern: RegExp;
  try {
    pattern = new RegExp(parts[1], parts[2]);
  } catch (error) {
    return { ok: false, message: `${option} regex ${spec} does not compile: ${errorText(error)}`, invalid: true };
  }
  // A 'g' or 'y' flag would make test() stateful across candidates.
  const test = (name: string) => {
    pattern.lastIndex = 0;
    return pattern.test(name);
  };
  const matches = catalog.candidates.filter((candidate) => test(candidate.displayName));
  const named = matches.length === 0 ? catalog.unusable?.find((entry) => test(entry.displayName())) : undefined;
  if (named) {
    const message = `${option} regex ${spec} matched '${named.displayName()}', which ${named.reason()}`;
    return { ok: false, message, invalid: false };
  }
  return { ok: true, matches, what: `${option} regex ${spec}` };
}

function pickFirst(catalog: SeriesCatalog, what: string, matches: SeriesCandidate[]): SeriesMatch {
  if (matches.length === 0) {
    return { ok: false, message: notFoundMessage(catalog, what), invalid: false };
  }
  const [first] = matches;
  const several =
    matches.length > 1
      ? [`${what} matched ${matches.length} series (${namesOf(matches)}); using the first, '${first.displayName}'`]
      : [];
  // Found but empty (a SQL query with no rows): say so, or the key result is 'No data' with no reason.
  const empty = first.field.values.length === 0 ? [`${what} has no rows: the query returned no data`] : [];
  return { ok: true, candidate: first, messages: [...several, ...empty] };
}

export function notFoundMessage(catalog: SeriesCatalog, what: string): string {
  if (catalog.emptyReason) {
    return `${what} not found: ${catalog.emptyReason}`;
  }
  return `${what} not found; available: ${namesOf(catalog.candidates)}`;
}

function namesOf(candidates: SeriesCandidate[]): string {
  return listNames(candidates.map((candidate) => candidate.displayName));
}

function describeEmpty(frames: DataFrame[], fieldNames: string[]): string {
  const rows = frames.reduce((sum, frame) => sum + frame.length, 0);
  if (frames.length === 0 || fieldNames.length === 0 || rows === 0) {
    return 'the query returned no data';
  }
  return `no frame has both a time field and a numeric field (fields: ${listNames([...new Set(fieldNames)])})`;
}

function makeCandidate(input: {
  field: Field;
  timeField: Field;
  frame: DataFrame;
  allFrames: DataFrame[];
}): SeriesCandidate {
  const { field, timeField, frame, allFrames } = input;
  let cached: SeriesData | null = null;
  return {
    displayName: getFieldDisplayName(field, frame, allFrames),
    fieldName: field.name,
    field,
    frame,
    frames: allFrames,
    timeField,
    data: () => (cached ??= extractSeriesCached(timeField.values, field.values)),
  };
}

/** Splits a long frame into one synthetic frame per distinct combination of its string columns. */
function partitionLong(input: {
  frame: DataFrame;
  timeField: Field;
  numeric: Field[];
  labelColumns: Field[];
}): SeriesCandidate[] {
  const { frame, timeField, numeric, labelColumns } = input;
  const rowsByKey = new Map<string, number[]>();
  for (let row = 0; row < frame.length; row++) {
    const key = JSON.stringify(labelColumns.map((column) => column.values[row] ?? null));
    const rows = rowsByKey.get(key);
    if (rows) {
      rows.push(row);
    } else {
      rowsByKey.set(key, [row]);
    }
  }
  const partitions: DataFrame[] = [...rowsByKey.entries()].map(([key, rows]) => {
    const labelValues: unknown[] = JSON.parse(key);
    const labels: Record<string, string> = {};
    labelColumns.forEach((column, i) => (labels[column.name] = String(labelValues[i] ?? '')));
    const pick = (field: Field) => rows.map((row) => field.values[row]);
    const fields: Field[] = [
      { ...timeField, values: pick(timeField), state: undefined },
      ...numeric.map((field) => ({
        ...field,
        labels: { ...field.labels, ...labels },
        values: pick(field),
        state: undefined,
      })),
    ];
    return { ...frame, fields, length: rows.length };
  });
  return partitions.flatMap((part) =>
    part.fields
      .slice(1)
      .map((field) => makeCandidate({ field, timeField: part.fields[0], frame: part, allFrames: partitions }))
  );
}

function isLongFrame(frame: DataFrame, timeField: Field): boolean {
  if (frame.meta?.type === DataFrameType.TimeSeriesLong) {
    return true;
  }
  const seen = new Set<unknown>();
  for (const value of timeField.values) {
    if (seen.has(value)) {
      return true;
    }
    seen.add(value);
  }
  return false;
}

function findTimeField(frame: DataFrame): Field | undefined {
  const typed = frame.fields.find((field) => field.type === FieldType.time);
  if (typed) {
    return typed;
  }
  return frame.fields.find((field) => TIME_NAMES.has(field.name.toLowerCase()) && Number.isFinite(firstTime(field)));
}

function firstTime(field: Field): number {
  for (const value of field.values) {
    if (value !== null && value !== undefined) {
      return parseTime(value);
    }
  }
  return NaN;
}

/** A number field, or a string/other field whose first non-null values are all numeric strings. */
function isNumericField(field: Field): boolean {
  if (field.type === FieldType.number) {
    return true;
  }
  if (field.type !== FieldType.string && field.type !== FieldType.other) {
    return false;
  }
  let seen = 0;
  for (let i = 0; i < field.values.length && seen < 50; i++) {
    const value: unknown = field.values[i];
    if (value === null || value === undefined) {
      continue;
    }
    if (Number.isNaN(parseValue(value))) {
      return false;
    }
    seen++;
  }
  return seen > 0;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
