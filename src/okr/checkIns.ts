/**
 * Check-ins: the table the check-in query returns (options.checkInQuery.refId) → each key result's
 * check-ins, sorted by time, with a specific message for every row or key result that cannot be used.
 * Nothing here throws, and a bad row never hides the good ones.
 *
 * Columns (names case-insensitive; spaces, '_' and '-' ignored: key_result, keyResult and "Key result" are
 * one column); other columns are not read:
 * - time: the field of type time, else a column named time; epoch ms, numeric text or ISO text.
 * - key_result: a key result's id, else its title (exact, surrounding spaces ignored). A title that two
 *   key results share is ambiguous: those rows need the id.
 * - value (a number or numeric text), confidence, note, author: each optional, per row too.
 * Confidence is 0–1; a column with any value above 1 is on a 0–10 scale and read as tenths: 7, 8, 1 →
 * 0.7, 0.8, 0.1, while 0.7, 0.8 stay as they are. Below 0 or above 10: that row's confidence is ignored.
 * Two check-ins of one key result at the same time: the later row is used (as for series), with a note.
 *
 * Example: rows (Jul 10, 'kr-segments', 1, 7, 'signed ACME', 'Ana') and (Aug 3, 'Expand into 2 new market
 * segments', 2, 8, '', 'Ben'), where that title is kr-segments' → kr-segments has two check-ins:
 * Jul 10 value 1, confidence 0.7, note 'signed ACME' by Ana; Aug 3 value 2, confidence 0.8 by Ben.
 */
import { dateTimeFormat, type DataFrame } from '@grafana/data';
import { findColumns, numberColumn, onTenthsScale, readCell, readConfidence, readText } from './checkInCells';
import { parseTime } from './extract';
import { listNames, quote } from './readers';

export interface CheckIn {
  time: number;
  value: number | null;
  /** 0–1. */
  confidence: number | null;
  note: string | null;
  author: string | null;
}

export interface CheckInKeyResult {
  id: string;
  title: string;
}

export interface CheckInRead {
  /** Per key result id: its check-ins sorted by time, one per time. */
  byKeyResult: Map<string, CheckIn[]>;
  /** Per key result id: problems with its rows (shown beside that key result). */
  notes: Map<string, string[]>;
  /** Problems with the query or the table, and rows that name no key result on this panel. */
  messages: string[];
}

export { latestCheckIn, type LatestCheckIn } from './latestCheckIn';

export const NO_CHECK_INS: CheckInRead = { byKeyResult: new Map(), notes: new Map(), messages: [] };

/** Row problems listed per key result (and per panel) before the rest are only counted. */
const MAX_ROW_MESSAGES = 5;

/** The frames of the check-in query; the panel's other frames are its KPI series. */
export function isCheckInFrame(frame: DataFrame, refId: string | null): boolean {
  return refId !== null && frame.refId === refId;
}

export function readCheckIns(input: {
  refId: string;
  frames: DataFrame[];
  keyResults: CheckInKeyResult[];
  timeZone: string;
}): CheckInRead {
  const { refId, frames, keyResults, timeZone } = input;
  const tables = frames.filter((frame) => isCheckInFrame(frame, refId));
  if (tables.length === 0) {
    const refIds = [...new Set(frames.map((frame) => frame.refId).filter((id): id is string => !!id))];
    const known = refIds.length > 0 ? `refIds: ${listNames(refIds)}` : 'the data has no query results';
    return { ...emptyRead(), messages: [`checkInQuery refId '${refId}' matches no query in the data (${known})`] };
  }
  const sink = new Sink(timeZone);
  const resolve = resolver(keyResults);
  tables.forEach((frame, index) =>
    readTable({ frame, where: tables.length > 1 ? ` of table ${index + 1}` : '', refId, sink, resolve })
  );
  return sink.finish(keyResults);
}

function emptyRead(): CheckInRead {
  return { byKeyResult: new Map(), notes: new Map(), messages: [] };
}

type Resolution = { ok: true; id: string } | { ok: false; unknown: true } | { ok: false; ambiguous: string[] };

/** A key_result cell → a key result id: by id, else by title. */
function resolver(keyResults: CheckInKeyResult[]): (name: string) => Resolution {
  const ids = new Set(keyResults.map((kr) => kr.id));
  const byTitle = new Map<string, string[]>();
  for (const kr of keyResults) {
    const title = kr.title.trim();
    byTitle.set(title, [...(byTitle.get(title) ?? []), kr.id]);
  }
  return (name) => {
    if (ids.has(name)) {
      return { ok: true, id: name };
    }
    const titled = byTitle.get(name) ?? [];
    if (titled.length === 1) {
      return { ok: true, id: titled[0] };
    }
    return titled.length === 0 ? { ok: false, unknown: true } : { ok: false, ambiguous: titled };
  };
}

function readTable(input: {
  frame: DataFrame;
  where: string;
  refId: string;
  sink: Sink;
  resolve: (name: string) => Resolution;
}): void {
  const { frame, where, refId, sink, resolve } = input;
  if (frame.length === 0) {
    return; // a query with no rows yet (SQL returns its columns, or nothing): the key results say "no check-ins yet"
  }
  const columns = findColumns(frame);
  const fieldList = listNames(frame.fields.map((field) => field.name));
  const table = `check-in table '${refId}'${where}`;
  if (!columns.time) {
    sink.panel(`${table} has no time column (fields: ${fieldList || 'none'}): name one 'time'`);
    return;
  }
  if (!columns.keyResult) {
    sink.panel(
      `${table} has no key_result column (fields: ${fieldList || 'none'}): name each row's key result by its id or title in a column 'key_result'`
    );
    return;
  }
  const report = (text: string) => sink.panel(text);
  const value = numberColumn(columns.value, { table, report });
  const confidence = numberColumn(columns.confidence, { table, report });
  const tenths = confidence ? onTenthsScale(confidence) : false;
  for (let row = 0; row < frame.length; row++) {
    const name = `check-in row ${row + 1}${where}`;
    const cell: unknown = columns.keyResult.values[row];
    const krName = cell === null || cell === undefined ? '' : String(cell).trim();
    if (krName === '') {
      sink.panel(`${name} names no key_result; row skipped`);
      continue;
    }
    const resolved = resolve(krName);
    if (!resolved.ok) {
      sink.unresolved(krName, row + 1, 'ambiguous' in resolved ? resolved.ambiguous : null);
      continue;
    }
    const notes = (text: string) => sink.note(resolved.id, text);
    const rawTime: unknown = columns.time.values[row];
    const time = parseTime(rawTime);
    if (!Number.isFinite(time)) {
      notes(`${name}: time ${quote(rawTime ?? null)} is not a time; row skipped`);
      continue;
    }
    sink.add(resolved.id, row + 1, {
      time,
      value: readCell(value, row, { what: `${name}: value`, notes }),
      confidence: readConfidence(confidence, row, { tenths, what: `${name}: confidence`, notes }),
      note: readText(columns.note, row),
      author: readText(columns.author, row),
    });
  }
}

interface RowCheckIn {
  row: number;
  checkIn: CheckIn;
}

/** Collects rows and messages, and caps row messages so a garbage table cannot flood the panel. */
class Sink {
  private readonly rows = new Map<string, RowCheckIn[]>();
  private readonly notes = new Map<string, string[]>();
  private readonly messages: string[] = [];
  private readonly unknown = new Map<string, { rows: number[]; ambiguous: string[] | null }>();

  constructor(private readonly timeZone: string) {}

  panel(text: string): void {
    this.messages.push(text);
  }

  note(id: string, text: string): void {
    this.notes.set(id, [...(this.notes.get(id) ?? []), text]);
  }

  unresolved(name: string, row: number, ambiguous: string[] | null): void {
    const entry = this.unknown.get(name) ?? { rows: [], ambiguous };
    entry.rows.push(row);
    this.unknown.set(name, entry);
  }

  add(id: string, row: number, checkIn: CheckIn): void {
    this.rows.set(id, [...(this.rows.get(id) ?? []), { row, checkIn }]);
  }

  finish(keyResults: CheckInKeyResult[]): CheckInRead {
    const titles = new Map(keyResults.map((kr) => [kr.id, kr.title]));
    const byKeyResult = new Map<string, CheckIn[]>();
    for (const [id, rows] of this.rows) {
      byKeyResult.set(id, this.oneAtEachTime(titles.get(id) ?? id, id, rows));
    }
    const unknown = [...this.unknown].map(([name, { rows, ambiguous }]) => {
      const where = `${rows.length === 1 ? 'row' : 'rows'} ${listNames(rows.map(String), 5)}`;
      return ambiguous
        ? `check-ins for '${name}' (${where}): ${ambiguous.length} key results have that title (ids ${listNames(ambiguous)}); name one by its id`
        : `check-ins name key result '${name}' (${where}), which is not on this panel: use a key result's id or title`;
    });
    const notes = new Map([...this.notes].map(([id, texts]) => [id, capped(texts)]));
    return { byKeyResult, notes, messages: [...capped(this.messages), ...unknown] };
  }

  /** Sorted by time (stable: rows keep their order), the later of two rows at one time kept. */
  private oneAtEachTime(title: string, id: string, rows: RowCheckIn[]): CheckIn[] {
    const sorted = [...rows].sort((a, b) => a.checkIn.time - b.checkIn.time);
    const kept: RowCheckIn[] = [];
    for (const entry of sorted) {
      const previous = kept[kept.length - 1];
      if (previous && previous.checkIn.time === entry.checkIn.time) {
        const at = dateTimeFormat(entry.checkIn.time, { timeZone: this.timeZone, format: 'YYYY-MM-DD HH:mm:ss' });
        this.note(
          id,
          `check-ins for '${title}' at ${at} (rows ${previous.row} and ${entry.row}) share a time: the later row is used`
        );
        kept[kept.length - 1] = entry;
      } else {
        kept.push(entry);
      }
    }
    return kept.map((entry) => entry.checkIn);
  }
}

function capped(texts: string[]): string[] {
  if (texts.length <= MAX_ROW_MESSAGES) {
    return texts;
  }
  const more = texts.length - MAX_ROW_MESSAGES;
  return [...texts.slice(0, MAX_ROW_MESSAGES), `… and ${more} more check-in ${more === 1 ? 'problem' : 'problems'}`];
}
