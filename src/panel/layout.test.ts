import { choosePanelLayout, layoutWithoutChart } from './layout';

describe('choosePanelLayout', () => {
  test.each`
    view           | width   | height  | expected
    ${'auto'}      | ${1200} | ${600}  | ${{ kind: 'combined', direction: 'row', chart: { width: 744, height: 600 }, card: { width: 456, height: 600 } }}
    ${'auto'}      | ${600}  | ${800}  | ${{ kind: 'combined', direction: 'column', chart: { width: 600, height: 480 }, card: { width: 600, height: 320 } }}
    ${'auto'}      | ${500}  | ${300}  | ${{ kind: 'scorecard', card: { width: 500, height: 300 } }}
    ${undefined}   | ${1920} | ${1080} | ${{ kind: 'combined', direction: 'row', chart: { width: 1190, height: 1080 }, card: { width: 730, height: 1080 } }}
    ${'chart'}     | ${300}  | ${200}  | ${{ kind: 'chart', chart: { width: 300, height: 200 } }}
    ${'scorecard'} | ${1200} | ${600}  | ${{ kind: 'scorecard', card: { width: 1200, height: 600 } }}
    ${'wall'}      | ${1920} | ${1080} | ${{ kind: 'wall', card: { width: 1920, height: 1080 } }}
  `('$view at $width×$height', ({ view, width, height, expected }) => {
    expect(choosePanelLayout(view, { width, height })).toEqual(expected);
  });
});

describe('layoutWithoutChart', () => {
  const size = { width: 1200, height: 600 };
  test.each`
    view           | expected
    ${'auto'}      | ${{ kind: 'scorecard', card: size }}
    ${'chart'}     | ${{ kind: 'chart', chart: size }}
    ${'scorecard'} | ${{ kind: 'scorecard', card: size }}
    ${'wall'}      | ${{ kind: 'wall', card: size }}
  `('$view gives its space to what can be drawn', ({ view, expected }) => {
    expect(layoutWithoutChart(choosePanelLayout(view, size), size)).toEqual(expected);
  });
});
