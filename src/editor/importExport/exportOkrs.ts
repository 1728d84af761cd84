/**
 * The whole OKR set as text: JSON and YAML carry every field, unknown ones included; CSV carries the
 * spreadsheet columns (columns.ts), one row per key result. Fields outside those columns (milestones,
 * description, colour, link, keys from a newer version) survive a CSV round trip because a merge import
 * keeps every field the sheet does not set.
 */
import Papa from 'papaparse';
import { stringify } from 'yaml';

import { isRecord } from '../../okr';
import { COLUMNS, ID_COLUMN, OBJECTIVE_KEY, writeCell, type Column } from './columns';

export type ExportFormat = 'json' | 'yaml' | 'csv';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; extension: string; mime: string }> = [
  { format: 'json', label: 'JSON', extension: 'json', mime: 'application/json' },
  { format: 'yaml', label: 'YAML', extension: 'yaml', mime: 'application/yaml' },
  { format: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
];

export function exportOkrs(objectives: unknown[], format: ExportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(objectives, null, 2);
    case 'yaml':
      return stringify(objectives);
    case 'csv':
      return exportCsv(objectives);
  }
}

/** Key results that are not objects have no row: JSON and YAML are the lossless formats. */
function exportCsv(objectives: unknown[]): string {
  const rows = objectives.filter(isRecord).flatMap((objective) =>
    keyResultsOf(objective).map((keyResult): Record<string, unknown> => ({
      ...keyResult,
      [OBJECTIVE_KEY]: objective.title,
    }))
  );
  const columns: Column[] = rows.some((row) => row.id !== undefined) ? [...COLUMNS, ID_COLUMN] : [...COLUMNS];
  return Papa.unparse({
    fields: columns.map((column) => column.header),
    data: rows.map((row) => columns.map((column) => writeCell(column, row[column.key]))),
  });
}

function keyResultsOf(objective: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(objective.keyResults) ? objective.keyResults.filter(isRecord) : [];
}
