import { FieldType, getDisplayProcessor, createTheme, Field } from '@grafana/data';

import { formatPercent } from '../components/format';
import { formatBreachCount, formatCurrentVsTarget, progressMeaning } from './labels';
import { keyResultModel } from './testModels';

describe('formatPercent shows the true, unclamped progress', () => {
  test.each`
    progress     | text
    ${0.54}      | ${'54%'}
    ${1.123}     | ${'112%'}
    ${2.5}       | ${'250%'}
    ${0}         | ${'0%'}
    ${-0.05}     | ${'-5%'}
    ${-0.004}    | ${'0%'}
    ${null}      | ${'–'}
    ${undefined} | ${'–'}
    ${NaN}       | ${'–'}
    ${Infinity}  | ${'–'}
  `('$progress → $text', ({ progress, text }) => {
    expect(formatPercent(progress)).toBe(text);
  });
});

describe('formatCurrentVsTarget reads the goal as the kind judges it, in the field unit', () => {
  const field: Field = {
    name: 'mrr',
    type: FieldType.number,
    values: [],
    config: { unit: 'currencyUSD', decimals: 0 },
  };
  field.display = getDisplayProcessor({ field, theme: createTheme() });

  test.each`
    kind            | targetMax | text
    ${'increase'}   | ${null}   | ${'$154 / $200'}
    ${'stayAbove'}  | ${null}   | ${'$154 / ≥ $200'}
    ${'stayBelow'}  | ${null}   | ${'$154 / ≤ $200'}
    ${'stayWithin'} | ${250}    | ${'$154 / $200–$250'}
  `('$kind → $text', ({ kind, targetMax, text }) => {
    expect(formatCurrentVsTarget(keyResultModel({ kind, targetMax, field }))).toBe(text);
  });

  test('missing numbers read as dashes', () => {
    expect(formatCurrentVsTarget(keyResultModel({ kind: 'stayAbove', current: null, target: null }))).toBe('– / –');
  });
});

test.each`
  count  | text
  ${0}   | ${'No breaches'}
  ${1}   | ${'1 breach'}
  ${3}   | ${'3 breaches'}
  ${NaN} | ${'No breaches'}
`('formatBreachCount($count) → $text', ({ count, text }) => {
  expect(formatBreachCount(count)).toBe(text);
});

describe('progressMeaning names what a stay percentage measures', () => {
  test.each`
    kind            | meaning
    ${'stayBelow'}  | ${'of the time within target'}
    ${'stayAbove'}  | ${'of the time within target'}
    ${'stayWithin'} | ${'of the time within target'}
    ${'increase'}   | ${null}
    ${'decrease'}   | ${null}
  `('$kind → $meaning', ({ kind, meaning }) => {
    expect(progressMeaning(kind)).toBe(meaning);
  });
});
