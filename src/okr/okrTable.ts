/**
 * An OKR table (the frames of the `okrQuery`) → key result definitions, one per row, each checked by
 * readKeyResult with the same rules and messages as the panel options, prefixed with the row.
 *
 * Columns are matched by field name, case-insensitively, with '_', '-' and spaces ignored, so
 * `key_result`, `keyResult` and `Key Result` are one column. Aliases: `title` for `key_result`,
 * `calculation` for `reducer`. Any other column is reported once and ignored.
 *
 * | column                      | option       | cell                                                            |
 * |-----------------------------|--------------|-----------------------------------------------------------------|
 * | objective                   | (objective)  | text; rows with the same text form one objective               |
 * | key_result / title          | title        | text                                                            |
 * | series, kind, reducer, owner, link, description, id | same | text (a number cell is read as its text: id 42 → "42") |
 * | period                      | period       | "2026-Q3", "thisQuarter", … or "2026-07-01/2026-10-01" (from/to) |
 * | period_from, period_to      | period       | a custom range when `period` is empty: ISO text, or a time cell  |
 * | baseline, weight            | same         | a number, or decimal text ("1500000", " 2.5 "); empty = unset   |
 * | target, target_max          | target, targetMax | a number; text as in the options ("+15%", "-20" = baseline − 20), "=-20" = −20 |
 * | each                        | each         | true/false, "true"/"false", 1/0                                |
 *
 * Numbers arrive as numbers (SQL) or as text (CSV from TestData, Google Sheets): text is read with the
 * core's strict decimal reader, so "1,234" and "2M" are reported, never guessed. A time cell (a SQL DATE or
 * TIMESTAMP column) in period_from / period_to at midnight UTC — what SQL datasources send for a DATE — is
 * that date in the dashboard's time zone; any other time is that instant.
 *
 * A row with a problem is an invalid key result whose messages name its row and field: "row 3: target
 * 'abc' is not a number: …". Rows are counted from 1, the first row under the header; with several frames,
 * "frame 2, row 3". Empty rows are skipped; at most MAX_ROWS rows are read.
 */
import type { DataFrame, Field } from '@grafana/data';
import { readKeyResult, type KeyResultDef, type ReadSettings } from './keyResultDef';
import { isDecimalText, listNames, quote } from './readers';

export const MAX_ROWS = 2000;

type ColumnKey =
  | 'objective'
  | 'title'
  | 'series'
  | 'period'
  | 'periodFrom'
  | 'periodTo'
  | 'kind'
  | 'baseline'
  | 'target'
  | 'targetMax'
  | 'reducer'
  | 'weight'
  | 'owner'
  | 'link'
  | 'description'
  | 'id'
  | 'each';

/** Normalised header → option. */
const COLUMNS: Record<string, ColumnKey> = {
  objective: 'objective',
  keyresult: 'title',
  title: 'title',
  series: 'series',
  period: 'period',
  periodfrom: 'periodFrom',
  periodto: 'periodTo',
  kind: 'kind',
  baseline: 'baseline',
  target: 'target',
  targetmax: 'targetMax',
  reducer: 'reducer',
  calculation: 'reducer',
  weight: 'weight',
  owner: 'owner',
  link: 'link',
  description: 'description',
  id: 'id',
  each: 'each',
};

const TEXT_COLUMNS: readonly ColumnKey[] = ['title', 'series', 'kind', 'reducer', 'owner', 'link', 'description', 'id'];
const ABSOLUTE_TARGET = /^=\s*(\S+)$/;
const DAY_MS = 86_400_000;

export interface TableRow {
  /** "row 3", or "frame 2, row 3". */
  where: string;
  objective: string | undefined;
  /** The row's id cell, when it has one: an options key result with that id wins over the row. */
  id: string | undefined;
  def: KeyResultDef;
}

export interface TableRead {
  rows: TableRow[];
  messages: string[];
}

/** `refId` names the query in messages and in generated ids. */
/** `settings.manualAllowed`: the panel has a check-in query, so a row with no series is a manual key result. */
export function readOkrTable(tableFrames: DataFrame[], refId: string, settings: ReadSettings = {}): TableRead {
  // Frames with no rows (an empty result next to a full one) do not count in "frame 2, row 3".
  const frames = tableFrames.filter((frame) => frame.length > 0);
  const messages: string[] = [];
  const ignored = new Set<string>();
  const repeated = new Map<string, string>();
  const rows: TableRow[] = [];
  const total = frames.reduce((sum, frame) => sum + frame.length, 0);
  frames.forEach((frame, f) => {
    const columns = mapColumns(frame.fields, { ignored, repeated });
    for (let r = 0; r < frame.length && rows.length < MAX_ROWS; r++) {
      const where = frames.length > 1 ? `frame ${f + 1}, row ${r + 1}` : `row ${r + 1}`;
      const row = readRow({ columns, row: r, where, refId, settings });
      if (row) {
        rows.push(row);
      }
    }
  });
  if (ignored.size > 0) {
    const names = listNames([...ignored].map((name) => `'${name}'`));
    messages.push(
      `query ${refId}: ${ignored.size > 1 ? `columns ${names} are` : `column ${names} is`} not known; ignored`
    );
  }
  for (const [name, first] of repeated) {
    messages.push(`query ${refId}: column '${name}' gives the same option as '${first}'; ignored`);
  }
  if (total > MAX_ROWS) {
    messages.push(`query ${refId} returned ${total} rows; the first ${MAX_ROWS} are read as key results`);
  }
  return { rows, messages };
}

/** The fields this table's columns name; the first of two fields for one option wins. */
function mapColumns(
  fields: Field[],
  found: { ignored: Set<string>; repeated: Map<string, string> }
): Map<ColumnKey, Field> {
  const columns = new Map<ColumnKey, Field>();
  for (const field of fields) {
    const key = COLUMNS[field.name.toLowerCase().replace(/[\s_-]/g, '')];
    const first = key === undefined ? undefined : columns.get(key);
    if (key === undefined) {
      found.ignored.add(field.name);
    } else if (first) {
      found.repeated.set(field.name, first.name);
    } else {
      columns.set(key, field);
    }
  }
  return columns;
}

function readRow(input: {
  columns: Map<ColumnKey, Field>;
  row: number;
  where: string;
  refId: string;
  settings: ReadSettings;
}): TableRow | null {
  const { columns, row, where, refId, settings } = input;
  const cell = (key: ColumnKey): unknown => emptyToUndefined(columns.get(key)?.values[row]);
  if ([...columns.values()].every((field) => emptyToUndefined(field.values[row]) === undefined)) {
    return null;
  }
  const problems: string[] = [];
  const notes: string[] = [];
  const text = (key: ColumnKey, name: string) => textCell(cell(key), name, problems);
  const raw: Record<string, unknown> = {};
  for (const key of TEXT_COLUMNS) {
    raw[key] = text(key, key === 'reducer' ? 'reducer' : key === 'title' ? 'key_result' : key);
  }
  const objective = text('objective', 'objective');
  raw.period = periodCell(cell, notes);
  raw.baseline = cell('baseline');
  raw.weight = cell('weight');
  raw.target = targetCell(cell('target'));
  raw.targetMax = targetCell(cell('targetMax'));
  raw.each = eachCell(cell('each'), notes);
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const fallbackId = `${refId}/${objective ?? ''}/${typeof raw.title === 'string' ? raw.title : `row-${row + 1}`}`;
  const read = readKeyResult(raw, fallbackId, row, settings);
  const def: KeyResultDef = {
    ...read,
    problems: [...problems, ...read.problems].map((message) => `${where}: ${message}`),
    notes: [...notes, ...read.notes].map((message) => `${where}: ${message}`),
  };
  return { where, objective, id, def };
}

function emptyToUndefined(value: unknown): unknown {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return undefined;
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** Text, or a number / boolean as its text; anything else (a JSON object) is a problem. */
function textCell(value: unknown, name: string, problems: string[]): string | undefined {
  if (value === undefined || typeof value === 'string') {
    return value;
  }
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
    return String(value);
  }
  problems.push(`${name} ${quote(value)} is not text`);
  return undefined;
}

/** `period` as written ("a/b" is the range { from: a, to: b }), else period_from / period_to. */
function periodCell(cell: (key: ColumnKey) => unknown, notes: string[]): unknown {
  const period = cell('period');
  const from = cell('periodFrom');
  const to = cell('periodTo');
  if (period !== undefined) {
    if (from !== undefined || to !== undefined) {
      notes.push('period_from and period_to are ignored: period is set');
    }
    if (typeof period === 'string' && period.includes('/')) {
      const [start, end] = period.split('/').map((part) => part.trim());
      return { from: start, to: end };
    }
    // An integer column of years (2026) names the fiscal year "2026".
    return typeof period === 'number' ? String(period) : period;
  }
  if (from === undefined && to === undefined) {
    return undefined;
  }
  return { from: instantCell(from), to: instantCell(to) };
}

/**
 * A time cell → ISO text for the period reader: midnight UTC (a SQL DATE) → "2026-07-01", read in the
 * dashboard's zone; another instant → "2026-07-01T06:00:00.000Z". Text is passed on as written.
 */
function instantCell(value: unknown): unknown {
  const time = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : NaN;
  // Beyond ±8.64e15 ms a Date is invalid; such a number is passed on for the period reader to report.
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) {
    return value;
  }
  const iso = new Date(time).toISOString();
  return time % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** "=-20" is the number −20 (as in the spreadsheet import); other text goes to the core's target reader. */
function targetCell(value: unknown): unknown {
  if (typeof value !== 'string') {
    return value;
  }
  const absolute = ABSOLUTE_TARGET.exec(value);
  return absolute && isDecimalText(absolute[1]) ? Number(absolute[1]) : value;
}

function eachCell(value: unknown, notes: string[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') {
    return value;
  }
  const text = String(value).toLowerCase();
  if (text === 'true' || text === '1') {
    return true;
  }
  if (text === 'false' || text === '0') {
    return false;
  }
  notes.push(`each ${quote(value)} must be true or false; read as false`);
  return false;
}
