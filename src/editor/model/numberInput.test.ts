import { formatNumberInput, parseNumberInput } from './numberInput';

describe('parseNumberInput', () => {
  it.each([
    ['1200', {}, 1200],
    [' -3.5 ', {}, -3.5],
    ['2.2M', {}, 2200000],
    ['1.5k', {}, 1500],
    ['3B', {}, 3000000000],
    ['1,234.5', {}, 1234.5],
    ['12,000,000', {}, 12000000],
    ['85%', { unit: 'percent' }, 85],
    ['85%', { unit: 'percentunit' }, 0.85],
    ['-20', {}, -20],
  ])('%p with %p is the number %p', (typed, options, value) => {
    expect(parseNumberInput(typed, options)).toEqual({ kind: 'number', value });
  });

  it.each([
    ['+15%', { relative: true }],
    ['-10%', { relative: true }],
    ['+50', { relative: true }],
    ['-20', { relative: true }],
    ['$goal', {}],
    ['${goal}', {}],
  ])('%p with %p is kept as text the core reads', (typed, options) => {
    expect(parseNumberInput(typed, options)).toEqual({ kind: 'text', value: typed });
  });

  it.each([
    ['85%', {}, 'is a percentage but'],
    ['85%', { relative: true }, 'write +85%'],
    ['1,5', {}, 'is ambiguous'],
    ['1.234,5', {}, 'is ambiguous'],
    ['lots', {}, 'is not a number'],
    ['+15%', {}, 'is not a number'],
    ['0x10', {}, 'is not a number'],
  ])('%p with %p is kept exactly as typed and flagged: %p', (typed, options, message) => {
    const parsed = parseNumberInput(typed, options);
    expect(parsed).toMatchObject({ kind: 'text', value: typed });
    expect(parsed.kind === 'text' && parsed.message).toContain(message);
  });

  it.each(['', '   '])('%p is empty', (typed) => {
    expect(parseNumberInput(typed)).toEqual({ kind: 'empty' });
  });
});

describe('formatNumberInput', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    [2200000, '2200000'],
    ['+15%', '+15%'],
    [true, 'true'],
    [{ a: 1 }, '{"a":1}'],
  ])('%p shows as %p', (value, text) => {
    expect(formatNumberInput(value)).toBe(text);
  });
});
