import { FieldType, getDisplayProcessor, createTheme, Field } from '@grafana/data';

import { formatPercent } from './format';
import {
  formatBreach,
  formatBreachCount,
  formatCurrentVsTarget,
  formatDuration,
  formatForecast,
  progressMeaning,
} from './labels';
import { keyResultModel } from './testModels';
import type { KeyResultModel } from '../okr';

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

describe('formatForecast', () => {
  const forecast = (value: number, requiredPerDay: number | null) => ({
    ok: true as const,
    value,
    progress: null,
    requiredPerDay,
    slopePerMs: 0,
    intercept: 0,
    from: 0,
    to: 0,
    points: 10,
    residualStd: 0,
  });
  const usd = { config: { unit: 'currencyUSD' } } as KeyResultModel['field'];

  test.each`
    kind          | target     | value      | perDay  | text
    ${'increase'} | ${1750000} | ${1700000} | ${1200} | ${'on course for $1.70M — 3% short; needs +$1.20K/day'}
    ${'increase'} | ${1750000} | ${1800000} | ${null} | ${'on course for $1.80M — meets the target'}
    ${'decrease'} | ${2}       | ${2.5}     | ${-0.1} | ${'on course for $2.50 — 25% above target; needs -$0.100/day'}
    ${'decrease'} | ${2}       | ${1.9}     | ${-0.1} | ${'on course for $1.90 — meets the target'}
    ${'increase'} | ${0}       | ${-5}      | ${null} | ${'on course for -$5 — short'}
  `('$kind to $target, trend $value → $text', ({ kind, target, value, perDay, text }) => {
    expect(formatForecast(keyResultModel({ kind, target, field: usd, forecast: forecast(value, perDay) }))).toBe(text);
  });

  test('no forecast, a stay key result or no target → null', () => {
    expect(formatForecast(keyResultModel())).toBeNull();
    expect(formatForecast(keyResultModel({ kind: 'stayBelow', forecast: forecast(1, null) }))).toBeNull();
    expect(formatForecast(keyResultModel({ target: null, forecast: forecast(1, null) }))).toBeNull();
  });
});

describe('breaches: how long and how bad, in words', () => {
  it('abbreviates durations as Grafana does, and never says "0s" for a blip', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(7800)).toBe('2h 10m');
    expect(formatDuration(90_000)).toBe('1d 1h');
    expect(formatDuration(0.2)).toBe('< 1s');
    expect(formatDuration(NaN)).toBe('< 1s');
  });

  it('names severity, length and the worst value in the unit, and says when it is still running', () => {
    const kr = keyResultModel({ kind: 'stayBelow', target: 300 });
    const breach = {
      start: 0,
      end: 600_000,
      ongoing: false,
      durationSeconds: 600,
      worst: 412,
      bound: 300,
      severity: 'critical' as const,
      source: 'target' as const,
    };
    expect(formatBreach(kr, breach)).toBe('critical · 10m · worst 412');
    expect(formatBreach(kr, { ...breach, ongoing: true })).toBe('critical · 10m · worst 412 · ongoing');
  });
});
