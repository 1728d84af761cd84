/**
 * Key results from a query: with `okrQuery: { refId: "OKRS" }`, the frames of query OKRS are a table of key
 * results (okrTable.ts), one row each, and are never KPI series (not drawn, not matched, not offered to
 * track). Every other frame is a KPI series as before.
 *
 * - The rows are added to the key results of the panel options. A row whose objective has the title of an
 *   objective in the options joins it (one roll-up); other objectives follow, in the order they first
 *   appear. A row with no objective goes under "Query OKRS" and says so.
 * - A row whose `id` is also a key result id in the options is left out, and one panel message names those
 *   ids: the options' key result wins. Other repeated ids get " (2)" when the panel's ids are made
 *   unique (evaluate.ts), as in the options.
 * - okrQuery not set, `{}` or `{ "refId": "" }`: off. A refId no frame has → a panel message naming the
 *   refIds present ("okrQuery: no frame has refId 'OKRS'; the data has refIds A, B"). Not an object, or a
 *   refId that is not text → a message, and off. Nothing saved is rewritten.
 * Example: options with objective "Grow revenue" [kr-mrr] and a table with rows (Grow revenue, kr-nps) and
 * (Reliability, kr-p95) → "Grow revenue" [kr-mrr, kr-nps], then "Reliability" [kr-p95].
 */
import type { DataFrame } from '@grafana/data';
import { readOkrTable, type TableRow } from './okrTable';
import { isRecord, listNames, quote } from './readers';
import type { ObjectiveDef } from './validate';

export interface OkrQueryRead {
  /** The frames that are KPI series: all but the OKR table's. */
  series: DataFrame[];
  /** The options' objectives with the table's rows added. */
  objectives: ObjectiveDef[];
  messages: string[];
  /** Set when okrQuery names a query: how many key results its rows gave. */
  query?: { refId: string; keyResults: number };
}

/** The refId okrQuery names; null when it is off. */
export function okrQueryRefId(option: unknown): { refId: string | null; message?: string } {
  if (option === undefined || option === null) {
    return { refId: null };
  }
  if (!isRecord(option)) {
    return { refId: null, message: `okrQuery ${quote(option)} must be an object such as {"refId": "OKRS"}; ignored` };
  }
  const refId = option.refId;
  if (refId === undefined || refId === null || refId === '') {
    return { refId: null };
  }
  if (typeof refId !== 'string') {
    return { refId: null, message: `okrQuery.refId ${quote(refId)} must be a query's refId such as "OKRS"; ignored` };
  }
  return { refId };
}

/** The frames that are KPI series under this okrQuery option (the panel's chart and "Track as key result"). */
export function kpiFrames(frames: DataFrame[], okrQuery: unknown): DataFrame[] {
  const { refId } = okrQueryRefId(okrQuery);
  return refId === null ? frames : frames.filter((frame) => frame?.refId !== refId);
}

export function readOkrQuery(input: {
  okrQuery: unknown;
  frames: DataFrame[];
  objectives: ObjectiveDef[];
  /** The panel has a check-in query: a row with no series is a manual key result. */
  manualAllowed?: boolean;
}): OkrQueryRead {
  const { okrQuery, frames, objectives, manualAllowed } = input;
  const { refId, message } = okrQueryRefId(okrQuery);
  if (refId === null) {
    return { series: frames, objectives, messages: message ? [message] : [] };
  }
  const series = frames.filter((frame) => frame?.refId !== refId);
  const table = frames.filter((frame) => frame?.refId === refId);
  if (table.length === 0) {
    return { series, objectives, messages: [missingRefIdMessage(refId, frames)], query: { refId, keyResults: 0 } };
  }
  try {
    const read = readOkrTable(table, refId, { manualAllowed });
    const empty = read.rows.length === 0 ? [`query ${refId} returned no key results: its table has no rows`] : [];
    const merged = mergeRows({ objectives, rows: read.rows, refId });
    return {
      series,
      objectives: merged.objectives,
      messages: [...read.messages, ...empty, ...merged.messages],
      query: { refId, keyResults: merged.added },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { series, objectives, messages: [`could not read query ${refId} as key results: ${reason}`] };
  }
}

function missingRefIdMessage(refId: string, frames: DataFrame[]): string {
  const present = [...new Set(frames.map((frame) => frame?.refId).filter((id): id is string => Boolean(id)))];
  const what =
    frames.length === 0
      ? 'there is no data yet'
      : present.length === 0
        ? 'the frames carry no refId'
        : `the data has refIds ${listNames(present)}`;
  return `okrQuery: no frame has refId ${quote(refId)}; ${what}`;
}

function mergeRows(input: { objectives: ObjectiveDef[]; rows: TableRow[]; refId: string }): {
  objectives: ObjectiveDef[];
  messages: string[];
  added: number;
} {
  const { objectives, rows, refId } = input;
  const optionIds = new Set(objectives.flatMap((objective) => objective.keyResults.map((kr) => kr.id)));
  const shadowed = rows.filter((row) => row.id !== undefined && optionIds.has(row.id));
  const kept = rows.filter((row) => !shadowed.includes(row));
  const byTitle = new Map<string, ObjectiveDef>();
  const merged = objectives.map((objective) => ({ ...objective, keyResults: [...objective.keyResults] }));
  merged.forEach((objective) => byTitle.has(objective.title) || byTitle.set(objective.title, objective));
  const unnamed = `Query ${refId}`;
  for (const row of kept) {
    const title = row.objective ?? unnamed;
    const def = row.objective
      ? row.def
      : { ...row.def, notes: [...row.def.notes, `${row.where}: objective is empty; listed under '${unnamed}'`] };
    let objective = byTitle.get(title);
    if (!objective) {
      objective = { id: `${refId}/${title}`, title, keyResults: [], messages: [] };
      byTitle.set(title, objective);
      merged.push(objective);
    }
    objective.keyResults.push(def);
  }
  return { objectives: merged, messages: shadowedMessage(shadowed, refId), added: kept.length };
}

function shadowedMessage(rows: TableRow[], refId: string): string[] {
  if (rows.length === 0) {
    return [];
  }
  const ids = listNames([...new Set(rows.map((row) => `'${row.id}'`))]);
  const where = listNames(rows.map((row) => row.where));
  const [noun, verb] = rows.length > 1 ? ['ids', 'are'] : ['id', 'is'];
  return [
    `key result ${noun} ${ids} ${verb} both in the panel options and in query ${refId} (${where}): the options' key ${rows.length > 1 ? 'results are' : 'result is'} used`,
  ];
}
