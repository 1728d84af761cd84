import { forecastsInView } from './overlays/overlayData';
import { yRangeWithMarks } from './yRange';

describe('yRangeWithMarks', () => {
  test.each`
    name                                   | dataMin | dataMax | marks              | min      | max       | offScale
    ${'target above the data is included'} | ${95}   | ${160}  | ${[200]}           | ${89.75} | ${205.25} | ${[]}
    ${'target below the data is included'} | ${95}   | ${160}  | ${[60]}            | ${55}    | ${165}    | ${[]}
    ${'a far target is off scale'}         | ${95}   | ${160}  | ${[2_000_000]}     | ${91.75} | ${163.25} | ${[2_000_000]}
    ${'near kept, far off scale'}          | ${95}   | ${160}  | ${[200, -5000]}    | ${89.75} | ${205.25} | ${[-5000]}
    ${'non-finite marks are ignored'}      | ${0}    | ${10}   | ${[NaN, Infinity]} | ${-0.5}  | ${10.5}   | ${[]}
  `('$name', ({ dataMin, dataMax, marks, min, max, offScale }) => {
    const range = yRangeWithMarks(dataMin, dataMax, marks);
    expect(range.min).toBeCloseTo(min, 9);
    expect(range.max).toBeCloseTo(max, 9);
    expect(range.offScale).toEqual(offScale);
  });

  it('flat data still includes a nearby target', () => {
    const range = yRangeWithMarks(100, 100, [100.00001]);
    expect(range.max).toBeGreaterThan(100.00001);
  });

  it('without data the range spans the marks', () => {
    expect(yRangeWithMarks(null, null, [10, 20])).toEqual({ min: 9.5, max: 20.5, offScale: [] });
  });

  it('data near ±1e308 gives a finite scale whose span is finite too (uPlot divides by it)', () => {
    const range = yRangeWithMarks(-1e308, 1e308, [0]);
    expect(Number.isFinite(range.max - range.min)).toBe(true);
    expect([range.min < 0, range.max > 0]).toEqual([true, true]);
  });

  it('without data or marks the range is 0…1', () => {
    expect(yRangeWithMarks(null, null, [])).toEqual({ min: 0, max: 1, offScale: [] });
  });
});

describe('forecastsInView: a forecast stretches the axis only when its end is in view', () => {
  const forecasts = [
    { to: 1_000, value: -1_800 },
    { to: 5_000, value: 900 },
  ];
  it.each`
    xMax        | values
    ${999}      | ${[]}
    ${1_000}    | ${[-1_800]}
    ${4_000}    | ${[-1_800]}
    ${Infinity} | ${[-1_800, 900]}
  `('visible up to $xMax → $values', ({ xMax, values }) => {
    expect(forecastsInView(forecasts, xMax)).toEqual(values);
  });

  it('so a 24-hour range a month before the period ends keeps the data and target only', () => {
    const dataAndTarget = yRangeWithMarks(180, 860, [400]);
    const withFarForecast = yRangeWithMarks(180, 860, [400, ...forecastsInView(forecasts.slice(0, 1), 0)]);
    expect(withFarForecast).toEqual(dataAndTarget);
    expect(dataAndTarget.min).toBeGreaterThan(0);
  });
});
