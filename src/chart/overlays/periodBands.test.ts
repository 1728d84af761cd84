import { colorManipulator, createTheme } from '@grafana/data';

import { fillsBand, periodBandColors } from './periodBands';

/** Contrast of a translucent fill, flattened onto the background it is drawn over. */
function contrastOver(fill: string, background: string): number {
  return colorManipulator.getContrastRatio(colorManipulator.onBackground(fill, background).toRgbString(), background);
}

describe.each(['dark', 'light'] as const)('%s theme: the period band is a tint, not a grey-out', (mode) => {
  const theme = createTheme({ colors: { mode } });
  // The plot sits on the panel's primary background.
  const background = theme.colors.background.primary;

  test('its fill is visible yet at most 1.1:1 against the background', () => {
    const contrast = contrastOver(periodBandColors(theme).fill, background);
    expect(contrast).toBeGreaterThan(1.02);
    expect(contrast).toBeLessThanOrEqual(1.1);
  });
});

describe('a band is filled only where the fill marks something', () => {
  // A plot 1000 px wide starting at x = 50.
  const plot = { plotLeft: 50, plotWidth: 1000 };
  test.each`
    name                                        | left     | right   | filled
    ${'a month in a quarter-long plot'}         | ${300}   | ${630}  | ${true}
    ${'exactly the plot (range = the quarter)'} | ${50}    | ${1050} | ${false}
    ${'wider than the plot on both sides'}      | ${-2000} | ${3000} | ${false}
    ${'80% of the plot'}                        | ${250}   | ${1050} | ${false}
    ${'79% of the plot'}                        | ${260}   | ${1050} | ${true}
    ${'running off the right, 30% visible'}     | ${750}   | ${4000} | ${true}
    ${'entirely left of the plot'}              | ${-500}  | ${0}    | ${false}
  `('$name → filled: $filled', ({ left, right, filled }) => {
    expect(fillsBand({ left, right, ...plot })).toBe(filled);
  });

  test('a plot of zero width fills nothing', () => {
    expect(fillsBand({ left: 0, right: 10, plotLeft: 0, plotWidth: 0 })).toBe(false);
  });
});
