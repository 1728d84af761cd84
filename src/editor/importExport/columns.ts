/**
 * The spreadsheet columns of an OKR set: one row per key result, the objective named by its title.
 *
 * Header names are matched case-insensitively with spaces, '_' and '-' ignored, so "key_result",
 * "Key Result" and "keyResult" are one column; aliases name the same option ("title" for key_result,
 * "reducer" for calculation). A period written as `from/to` is the custom range { from, to }.
 *
 * In target and target_max a leading sign means relative, as in the core (src/okr/target.ts): "+15%",
 * "-10%", "+50", "-20" (baseline − 20). A negative absolute target is written `=-20`, which a spreadsheet
 * also reads as the number −20.
 */
export interface Column {
  /** The header written on export. */
  header: string;
  /** The key result option it fills; 'objective' is the objective's title. */
  key: string;
  aliases: string[];
  /**
   * 'number': decimal text becomes a number, so "200" is stored as 200. 'target': the same for unsigned
   * text and `=-20`; signed text stays relative. Other text is kept as written for the core to judge.
   */
  numeric?: 'number' | 'target';
}

export const OBJECTIVE_KEY = 'objective';

export const COLUMNS: readonly Column[] = [
  { header: 'objective', key: OBJECTIVE_KEY, aliases: ['objectivetitle'] },
  { header: 'key_result', key: 'title', aliases: ['keyresult', 'title', 'keyresulttitle'] },
  { header: 'series', key: 'series', aliases: [] },
  { header: 'period', key: 'period', aliases: [] },
  { header: 'kind', key: 'kind', aliases: [] },
  { header: 'baseline', key: 'baseline', aliases: [], numeric: 'number' },
  { header: 'target', key: 'target', aliases: [], numeric: 'target' },
  { header: 'target_max', key: 'targetMax', aliases: ['targetmax'], numeric: 'target' },
  { header: 'calculation', key: 'reducer', aliases: ['reducer'] },
  { header: 'weight', key: 'weight', aliases: [], numeric: 'number' },
  { header: 'owner', key: 'owner', aliases: [] },
];

/** Written only when some key result has an id, so a plain sheet stays plain. */
export const ID_COLUMN: Column = { header: 'id', key: 'id', aliases: [] };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ABSOLUTE_TARGET = /^=\s*(-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?)$/i;
const RANGE_SEPARATOR = '/';

/** The column a header names, or undefined: "Target Max", "target_max" and "targetMax" all find targetMax. */
export function columnForHeader(header: string): Column | undefined {
  const name = header.toLowerCase().replace(/[\s_-]/g, '');
  return [...COLUMNS, ID_COLUMN].find(
    (column) => column.header.replace(/_/g, '') === name || column.aliases.includes(name)
  );
}

/** One cell → an option value; undefined for an empty cell (the import does not set that option). */
export function readCell(column: Column, cell: string): unknown {
  const text = cell.trim();
  if (text === '') {
    return undefined;
  }
  if (column.numeric === 'number' && DECIMAL.test(text)) {
    return Number(text);
  }
  if (column.numeric === 'target') {
    const absolute = ABSOLUTE_TARGET.exec(text);
    if (absolute) {
      return Number(absolute[1]);
    }
    if (DECIMAL.test(text) && !/^[+-]/.test(text)) {
      return Number(text);
    }
  }
  if (column.key === 'period' && text.includes(RANGE_SEPARATOR)) {
    const [from, to] = text.split(RANGE_SEPARATOR).map((part) => part.trim());
    return { from, to };
  }
  return text;
}

/** One option value → a cell; the inverse of readCell. */
export function writeCell(column: Column, value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (column.numeric === 'target' && typeof value === 'number' && value < 0) {
    return `=${value}`;
  }
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    return `${String(value.from)}${RANGE_SEPARATOR}${String(value.to)}`;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
