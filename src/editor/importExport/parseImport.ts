/**
 * Pasted text → an OKR set to import, with one message per row or key result that cannot be applied.
 *
 * The format is detected: text starting with `[` or `{` is JSON; a first line with a tab, or with a
 * comma or semicolon and no colon, is a spreadsheet header (CSV or TSV, the delimiter detected by
 * papaparse); anything else is YAML. JSON and YAML may hold the objectives list, `{ objectives }` or a
 * whole panel `{ options: { objectives } }`.
 *
 * Every key result is checked with the core's readKeyResult, so the messages are the panel's own: a key
 * result with a blocking problem ("target 'abc' is not a number…") is reported and left out; its
 * non-blocking notes are reported and it is kept. Rows are numbered as a spreadsheet shows them (the
 * header is row 1), so "row 3" is the sheet's row 3. A key result that updates a current one is checked
 * as it will be after the import (the current one's fields, then the imported ones), so a sheet with only
 * objective, key_result and target columns can update targets.
 *
 * The period is checked with the core's resolvePeriod, so "2026-Q5" is reported as the panel would report
 * it. Whether a named or relative form is valid does not depend on the time zone or the anchor, so the
 * check resolves in UTC at the anchor given (now by default); the dates themselves are not kept.
 */
import Papa from 'papaparse';
import { isScalar, parseDocument, visit } from 'yaml';

import { isRecord, readKeyResult, resolvePeriod, type PeriodContext } from '../../okr';
import { columnForHeader, OBJECTIVE_KEY, readCell, type Column } from './columns';
import { findCurrentKeyResult } from './diffImport';

export type ImportFormat = 'json' | 'yaml' | 'csv' | 'tsv';

export interface ImportMessage {
  /** "row 3", or "objective 'Grow revenue', key result 2". */
  where: string;
  text: string;
  /** A blocking message: what it names is not imported. */
  blocking: boolean;
}

export interface ParsedImport {
  /** null for empty text. */
  format: ImportFormat | null;
  /** The objectives to import, without the key results that have a blocking message. */
  objectives: unknown[];
  messages: ImportMessage[];
  /** Set when the text as a whole does not parse; then nothing is imported. */
  error?: string;
}

export function detectFormat(text: string): ImportFormat | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    return 'json';
  }
  const header = trimmed.split(/\r?\n/, 1)[0];
  if (header.includes('\t')) {
    return 'tsv';
  }
  return /[,;]/.test(header) && !header.includes(':') ? 'csv' : 'yaml';
}

export interface ParseImportOptions {
  /** The panel's fiscal year start month (0 = January); 0 when not given. */
  fiscalYearStartMonth?: number;
  /** Epoch ms where relative periods are checked; now when not given. */
  anchor?: number;
}

/** `current`: the objectives the import will update, for checking key results that set only some fields. */
export function parseImport(text: string, current: unknown[] = [], options: ParseImportOptions = {}): ParsedImport {
  const format = detectFormat(text);
  if (format === null) {
    return { format, objectives: [], messages: [] };
  }
  const periods: PeriodContext = {
    timeZone: 'utc',
    fiscalYearStartMonth: options.fiscalYearStartMonth ?? 0,
    anchor: options.anchor ?? Date.now(),
  };
  if (format === 'csv' || format === 'tsv') {
    return parseTable(text, format, current, periods);
  }
  const read = readDocument(text, format);
  return read.ok
    ? checkObjectives(read.value, format, current, periods)
    : { format, objectives: [], messages: [], error: read.error };
}

function readDocument(
  text: string,
  format: 'json' | 'yaml'
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: format === 'json' ? JSON.parse(text) : readYaml(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${format.toUpperCase()} does not parse: ${reason}` };
  }
}

/**
 * YAML reads `period: 2026` as a number and `target: +50` as 50; written by hand, both mean the text (the
 * year 2026, baseline + 50), so those plain scalars are read as written. `target: -20` stays the number
 * −20, as in JSON.
 */
function readYaml(text: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw document.errors[0];
  }
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'number' || value.type !== 'PLAIN' || !value.source) {
        return;
      }
      const asWritten = key === 'period' || ((key === 'target' || key === 'targetMax') && value.source.startsWith('+'));
      if (asWritten) {
        value.value = value.source;
      }
    },
  });
  return document.toJS();
}

function objectivesIn(document: unknown): unknown[] | null {
  if (Array.isArray(document)) {
    return document;
  }
  if (isRecord(document) && Array.isArray(document.objectives)) {
    return document.objectives;
  }
  if (isRecord(document) && isRecord(document.options)) {
    return objectivesIn(document.options);
  }
  return null;
}

function checkObjectives(
  document: unknown,
  format: 'json' | 'yaml',
  current: unknown[],
  periods: PeriodContext
): ParsedImport {
  const listed = objectivesIn(document);
  if (listed === null) {
    const error = `${format.toUpperCase()} holds no objectives: expected a list of objectives or { objectives: [...] }`;
    return { format, objectives: [], messages: [], error };
  }
  const messages: ImportMessage[] = [];
  const objectives = listed.flatMap((objective, o) => {
    const where = `objective ${isRecord(objective) && objective.title ? `'${String(objective.title)}'` : o + 1}`;
    if (!isRecord(objective) || !Array.isArray(objective.keyResults)) {
      messages.push({ where, text: 'is not an object with a keyResults list; not imported', blocking: true });
      return [];
    }
    const keyResults = objective.keyResults.filter((keyResult, k) => {
      const base = isRecord(keyResult)
        ? findCurrentKeyResult(current, String(objective.title ?? ''), keyResult)
        : undefined;
      const found = checkKeyResult(base ? { ...base, ...keyResult } : keyResult, k, periods);
      messages.push(...found.map((message) => ({ ...message, where: `${where}, key result ${k + 1}` })));
      return !found.some((message) => message.blocking);
    });
    return keyResults.length > 0 || objective.keyResults.length === 0 ? [{ ...objective, keyResults }] : [];
  });
  return { format, objectives, messages };
}

/** The core's messages for one key result; `where` is filled in by the caller. */
function checkKeyResult(keyResult: unknown, index: number, periods: PeriodContext): ImportMessage[] {
  const def = readKeyResult(keyResult, `import-${index + 1}`, index);
  // A key result that is not an object already has its one message; the period adds nothing to it.
  const period = isRecord(keyResult) ? resolvePeriod(keyResult.period, periods) : undefined;
  const texts = [...def.problems, ...(period && !period.ok ? [period.message] : [])];
  const problems = texts.map((text) => ({ where: '', text: `${text}; not imported`, blocking: true }));
  return [...problems, ...def.notes.map((text) => ({ where: '', text, blocking: false }))];
}

function parseTable(text: string, format: 'csv' | 'tsv', current: unknown[], periods: PeriodContext): ParsedImport {
  // Empty lines are kept (and skipped below) so that a row's index is its line in the sheet.
  const parsed = Papa.parse<string[]>(text.trim(), { delimiter: format === 'tsv' ? '\t' : '', skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  const columns = header.map((name) => columnForHeader(name));
  const messages: ImportMessage[] = header
    .filter((name, i) => columns[i] === undefined && name.trim() !== '')
    .map((name) => ({ where: 'header', text: `column '${name.trim()}' is not known; ignored`, blocking: false }));
  const brokenRows = new Set(parsed.errors.map((error) => error.row));
  const grouped = new Map<string, unknown[]>();
  rows.forEach((cells, i) => {
    const where = `row ${i + 2}`;
    if (cells.every((cell) => cell.trim() === '')) {
      return;
    }
    if (brokenRows.has(i + 1)) {
      messages.push({ where, text: 'does not parse (an unclosed quote?); not imported', blocking: true });
      return;
    }
    const { objective, keyResult } = readRow(cells, columns);
    const base = findCurrentKeyResult(current, objective ?? '', keyResult);
    const found = checkKeyResult({ ...base, ...keyResult }, i, periods);
    if (objective === undefined) {
      found.unshift({ where, text: 'objective is missing; not imported', blocking: true });
    }
    messages.push(...found.map((message) => ({ ...message, where })));
    if (objective !== undefined && !found.some((message) => message.blocking)) {
      grouped.set(objective, [...(grouped.get(objective) ?? []), keyResult]);
    }
  });
  const objectives = [...grouped].map(([title, keyResults]) => ({ title, keyResults }));
  return { format, objectives, messages };
}

function readRow(cells: string[], columns: Array<Column | undefined>) {
  const entries = columns.flatMap((column, i) => {
    const value = column ? readCell(column, cells[i] ?? '') : undefined;
    return column && value !== undefined ? [[column.key, value] as const] : [];
  });
  const { [OBJECTIVE_KEY]: objective, ...keyResult } = Object.fromEntries(entries);
  return { objective: objective === undefined ? undefined : String(objective), keyResult };
}
