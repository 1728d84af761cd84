/**
 * The check-in table's columns and cells (see checkIns.ts for the table's rules): which field is which
 * column, and each cell read into a number, a confidence in [0, 1] or a text, with a note when it cannot be.
 */
import { FieldType, type DataFrame, type Field } from '@grafana/data';
import { parseValue } from './extract';
import { quote } from './readers';

const CONFIDENCE_MAX_TENTHS = 10;
const TIME_NAMES = new Set(['time', 'timestamp', 'ts', 'date', 'datetime']);

export interface Columns {
  time?: Field;
  keyResult?: Field;
  value?: Field;
  confidence?: Field;
  note?: Field;
  author?: Field;
}

export function findColumns(frame: DataFrame): Columns {
  const byName = new Map<string, Field>();
  for (const field of frame.fields) {
    const key = field.name.toLowerCase().replace(/[\s_-]/g, '');
    if (!byName.has(key)) {
      byName.set(key, field);
    }
  }
  const typedTime = frame.fields.find((field) => field.type === FieldType.time);
  const namedTime = frame.fields.find((field) => TIME_NAMES.has(field.name.toLowerCase()));
  return {
    time: typedTime ?? namedTime,
    keyResult: byName.get('keyresult'),
    value: byName.get('value'),
    confidence: byName.get('confidence'),
    note: byName.get('note'),
    author: byName.get('author'),
  };
}

/** Numbers and numeric text are read per row; a column of another type (boolean, time) is not. */
export function numberColumn(
  field: Field | undefined,
  context: { table: string; report: (text: string) => void }
): Field | undefined {
  if (!field || field.type === FieldType.number || field.type === FieldType.string || field.type === FieldType.other) {
    return field;
  }
  context.report(`${context.table}: column '${field.name}' is a ${field.type} field, not numbers; ignored`);
  return undefined;
}

export function onTenthsScale(field: Field): boolean {
  for (const raw of field.values) {
    const value = parseValue(raw);
    if (value > 1 && value <= CONFIDENCE_MAX_TENTHS) {
      return true;
    }
  }
  return false;
}

export interface CellContext {
  what: string;
  notes: (text: string) => void;
}

export function readCell(field: Field | undefined, row: number, context: CellContext): number | null {
  const raw: unknown = field?.values[row];
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return null;
  }
  const value = parseValue(raw);
  if (Number.isNaN(value)) {
    context.notes(`${context.what} ${quote(raw)} is not a number; ignored`);
    return null;
  }
  return value;
}

export function readConfidence(
  field: Field | undefined,
  row: number,
  context: CellContext & { tenths: boolean }
): number | null {
  const value = readCell(field, row, context);
  if (value === null) {
    return null;
  }
  if (value < 0 || value > CONFIDENCE_MAX_TENTHS) {
    context.notes(`${context.what} ${value} is not between 0 and 1 (or 0 and 10); ignored`);
    return null;
  }
  return context.tenths ? value / CONFIDENCE_MAX_TENTHS : value;
}

export function readText(field: Field | undefined, row: number): string | null {
  const raw: unknown = field?.values[row];
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    return String(raw);
  }
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
}
