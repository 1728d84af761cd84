import { COLUMNS, columnForHeader, ID_COLUMN, readCell, writeCell, type Column } from './columns';

const column = (key: string): Column => {
  const found = [...COLUMNS, ID_COLUMN].find((candidate) => candidate.key === key);
  if (!found) {
    throw new Error(`no column ${key}`);
  }
  return found;
};

describe('columnForHeader', () => {
  test.each([
    ['objective', 'objective'],
    ['Objective', 'objective'],
    ['key_result', 'title'],
    ['Key Result', 'title'],
    ['keyResult', 'title'],
    ['title', 'title'],
    ['TARGET_MAX', 'targetMax'],
    ['targetMax', 'targetMax'],
    ['target-max', 'targetMax'],
    ['calculation', 'reducer'],
    ['reducer', 'reducer'],
    [' weight ', 'weight'],
    ['ID', 'id'],
  ])('%j names the option %s', (header, key) => {
    expect(columnForHeader(header)?.key).toBe(key);
  });

  test.each(['notes', '', 'objectives'])('%j names no column', (header) => {
    expect(columnForHeader(header)).toBeUndefined();
  });
});

describe('readCell', () => {
  test.each([
    ['target', '200', 200],
    ['target', ' 2.5e3 ', 2500],
    ['target', '+15%', '+15%'],
    ['target', '-10%', '-10%'],
    ['target', '+50', '+50'],
    ['target', '-20', '-20'],
    ['target', '=-20', -20],
    ['target', 'abc', 'abc'],
    ['targetMax', '=-1.5', -1.5],
    ['baseline', '-20', -20],
    ['baseline', 'n/a', 'n/a'],
    ['weight', '2', 2],
    ['series', '200', '200'],
    ['period', '2026-Q3', '2026-Q3'],
    ['period', '2026-07-01 / 2026-08-15', { from: '2026-07-01', to: '2026-08-15' }],
    ['owner', '', undefined],
    ['owner', '   ', undefined],
  ])('%s cell %j reads as %j', (key, cell, expected) => {
    expect(readCell(column(key), cell)).toEqual(expected);
  });
});

describe('writeCell', () => {
  test.each([
    ['target', 200, '200'],
    ['target', -20, '=-20'],
    ['target', '-20', '-20'],
    ['baseline', -20, '-20'],
    ['period', { from: '2026-07-01', to: '2026-08-15' }, '2026-07-01/2026-08-15'],
    ['owner', undefined, ''],
    ['owner', null, ''],
  ])('%s value %j writes %j and reads back', (key, value, cell) => {
    expect(writeCell(column(key), value)).toBe(cell);
    expect(readCell(column(key), cell)).toEqual(value ?? undefined);
  });
});
