/**
 * Fields that exist but cannot be a series, and why: a key result that names one is told what the field
 * is, not that it was "not found" (which sends the user hunting for a typo that is not there).
 *
 * A field of a frame is unusable when it is not a candidate (series.ts); the frame's time field is one.
 * Its reason, the first that applies:
 * - the frame's own time field: "is the time field of its frame, not a value";
 * - a boolean (or enum, geo …) field: "is a boolean field: only number fields (or numeric text) can be tracked";
 * - text that does not parse as a number: "holds text such as 'n/a', not numbers", with
 *   "(thousands separators are not read)" when the text is a grouped number like "1,234.5";
 * - only null values: "holds no values";
 * - a number (or numeric text) field whose frame has no time field:
 *   "has no time field in its frame (fields: region, revenue)".
 * Reasons and display names are worked out only when a message needs them; catalogs are built per data
 * change and most are never asked.
 */
import { FieldType, getFieldDisplayName, type DataFrame, type Field } from '@grafana/data';
import { parseValue } from './extract';
import { listNames } from './readers';

export interface UnusableField {
  fieldName: string;
  /**
   * How near the field is to being a series, nearest first: numbers without a time field (0), other
   * value fields (1), the frame's time field (2). A regex that reaches several explains the nearest.
   */
  nearness: number;
  displayName(): string;
  /** A verb phrase that follows the field's name: "is a boolean field: …". */
  reason(): string;
}

const MAX_SAMPLE_CHARS = 40;
/** Looked at when searching a text field for a sample that is not a number. */
const MAX_SCANNED_VALUES = 50;
/** "1,234.5", "12 345", "1'000", "1.234,5": digits in groups of three. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}([,. '\u00a0\u202f]\d{3})+([.,]\d+)?$/;

/** The unusable fields of one frame, given what series.ts made of it. */
export function unusableFields(input: {
  frame: DataFrame;
  frames: DataFrame[];
  timeField: Field | undefined;
  numeric: Field[];
}): UnusableField[] {
  const { frame, frames, timeField, numeric } = input;
  // With a time field, the numeric fields are candidates; without one, they are unusable too.
  const unusable = timeField ? frame.fields.filter((field) => !numeric.includes(field)) : frame.fields;
  return unusable.map((field) => ({
    fieldName: field.name,
    nearness: field === timeField ? 2 : numeric.includes(field) ? 0 : 1,
    displayName: () => getFieldDisplayName(field, frame, frames),
    reason: () => {
      if (field === timeField) {
        return 'is the time field of its frame, not a value';
      }
      return numeric.includes(field) ? noTimeReason(frame) : typeReason(field);
    },
  }));
}

/** The unusable field a spec names (display name, else field name), as `matchSeries` names candidates. */
export function findUnusable(unusable: UnusableField[], spec: string): UnusableField | undefined {
  return unusable.find((entry) => entry.displayName() === spec) ?? unusable.find((entry) => entry.fieldName === spec);
}

function noTimeReason(frame: DataFrame): string {
  return `has no time field in its frame (fields: ${listNames(frame.fields.map((field) => field.name))})`;
}

function typeReason(field: Field): string {
  const sample = firstNonNumeric(field);
  if (typeof sample === 'string') {
    const grouped = GROUPED_NUMBER.test(sample.trim()) ? ' (thousands separators are not read)' : '';
    return `holds text such as '${truncate(sample)}', not numbers${grouped}`;
  }
  if (sample === undefined && (field.type === FieldType.string || field.type === FieldType.other)) {
    return 'holds no values';
  }
  const article = /^[aeiou]/.test(field.type) ? 'an' : 'a';
  return `is ${article} ${field.type} field: only number fields (or numeric text) can be tracked`;
}

/** The first non-null value that is not a number; undefined when the field holds nothing else. */
function firstNonNumeric(field: Field): unknown {
  let scanned = 0;
  for (let i = 0; i < field.values.length && scanned < MAX_SCANNED_VALUES; i++) {
    const value: unknown = field.values[i];
    if (value === null || value === undefined) {
      continue;
    }
    scanned++;
    if (typeof value !== 'number' && Number.isNaN(parseValue(value))) {
      return value;
    }
  }
  return undefined;
}

/** Sample text is quoted in messages: one line, at most MAX_SAMPLE_CHARS characters. */
function truncate(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_SAMPLE_CHARS ? `${line.slice(0, MAX_SAMPLE_CHARS - 1)}…` : line;
}
