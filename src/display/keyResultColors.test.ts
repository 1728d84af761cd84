import { createTheme, FieldColorModeId } from '@grafana/data';

import { keyResultModel } from './testModels';
import { chartLineKey, keyResultColors } from './keyResultColors';

const theme = createTheme();
const color = (name: string) => theme.visualization.getColorByName(name);

describe('keyResultColors: one colour per key result, its line’s', () => {
  const field = (name: string, fixed: string) => ({
    name,
    type: 'number' as never,
    values: [],
    config: { color: { mode: FieldColorModeId.Fixed, fixedColor: fixed } },
  });

  test('a key result on a series takes the series’ field colour; one that sets color takes that', () => {
    const colors = keyResultColors(
      [
        keyResultModel({ id: 'a', seriesName: 'mrr', field: field('mrr', 'blue') }),
        keyResultModel({ id: 'b', seriesName: 'churn', field: field('churn', 'red'), color: 'purple' }),
      ],
      theme
    );
    expect([colors.get('a'), colors.get('b')]).toEqual([color('blue'), color('purple')]);
  });

  test('key results on one series share its line and so its colour (the first one’s)', () => {
    const colors = keyResultColors(
      [
        keyResultModel({ id: 'a', seriesName: 'mrr', field: field('mrr', 'blue') }),
        keyResultModel({ id: 'b', seriesName: 'mrr', field: field('mrr', 'blue'), color: 'orange' }),
      ],
      theme
    );
    expect([colors.get('a'), colors.get('b')]).toEqual([color('blue'), color('blue')]);
  });

  test('a manual key result takes the first palette colour no other line uses', () => {
    const palette = theme.visualization.palette.map(color);
    const colors = keyResultColors(
      [
        keyResultModel({ id: 'a', seriesName: 'mrr', field: field('mrr', palette[0]) }),
        keyResultModel({ id: 'manual', seriesName: 'Launches (check-ins)', manual: true, field: undefined }),
      ],
      theme
    );
    expect(colors.get('manual')).toBe(palette[1]);
  });

  test('a key result with no line (no series, or no samples) has no colour', () => {
    const colors = keyResultColors(
      [
        keyResultModel({ id: 'none', seriesName: null }),
        keyResultModel({ id: 'empty', times: new Float64Array(0), values: new Float64Array(0) }),
      ],
      theme
    );
    expect([...colors.keys()]).toEqual([]);
  });

  test.each`
    overrides                                               | key
    ${{ seriesName: 'mrr' }}                                | ${'mrr'}
    ${{ seriesName: 'mrr', cumulative: true }}              | ${'own line\u0000kr-mrr'}
    ${{ seriesName: 'Launches (check-ins)', manual: true }} | ${'own line\u0000kr-mrr'}
    ${{ seriesName: null }}                                 | ${null}
  `('chartLineKey($overrides) is $key', ({ overrides, key }) => {
    expect(chartLineKey(keyResultModel(overrides))).toBe(key);
  });
});
