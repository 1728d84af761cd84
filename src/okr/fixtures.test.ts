/**
 * Every recorded datasource response in shared/fixtures/frames is evaluated end to end: the core must
 * find the series (and give numbers) or say specifically why not. The exact arithmetic is owned by
 * the unit tests beside each rule; this file owns "real frames never throw".
 */
import { dataFrameFromJSON, type DataFrameJSON } from '@grafana/data';
import fs from 'fs';
import path from 'path';
import { evaluate } from './evaluate';
import type { KeyResultModel } from './model';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/frames');
const NOW = Date.UTC(2026, 0 /* Jan */, 1);

/** Parsed afresh on every call: dataFrameFromJSON mutates its input (jsdom has no structuredClone). */
function load(file: string) {
  const json: DataFrameJSON[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  return json.map((frame) => dataFrameFromJSON(frame));
}

function evaluateFile(file: string, series: string): KeyResultModel {
  const model = evaluate({
    options: {
      objectives: [
        {
          title: 'Fixture',
          keyResults: [
            { title: file, series, period: { from: '1970-01-01', to: '2030-01-01' }, kind: 'increase', target: 1e9 },
          ],
        },
      ],
    },
    frames: load(file),
    timeRange: { from: 0, to: NOW },
    timeZone: 'utc',
    now: NOW,
  });
  return model.objectives[0].keyResults[0];
}

type Expectation = { found: string; current: number | null; points: number; message?: RegExp } | { missing: RegExp };

const EXPECTATIONS: Record<string, { series: string; expect: Expectation }> = {
  'azuremonitor_multi_dimensions.json': {
    series: '/value-3/',
    expect: {
      found: 'Percentage CPU {Test Dimension="value-3", resourceName="grafana-1"}',
      current: expect.any(Number),
      points: expect.any(Number),
    },
  },
  'elasticsearch_metric_simple.json': {
    series: 'val2',
    expect: { found: 'val2', current: expect.any(Number), points: 4 },
  },
  'flux_multiple_int_uint.json': {
    series: '/^i /',
    expect: {
      found: 'i {a="1", b="adsfasdf"}',
      current: -1,
      points: 2,
      message: /matched \d series .*using the first/,
    },
  },
  'flux_simple.json': { series: 'f', expect: { found: 'f {a="1", b="adsfasdf"}', current: 6.6, points: 2 } },
  'flux_without_time_column.json': {
    series: 'cpu',
    expect: {
      missing: /^series 'cpu' not found: no frame has both a time field and a numeric field \(fields: cpu, host\)$/,
    },
  },
  'influxql_invalid_value_null.json': { series: 'cpu.mean', expect: { found: 'cpu.mean', current: 52, points: 3 } },
  'influxql_multiple_series_with_tags_timeseries.json': {
    series: 'cpu.mean { cpu: cpu0 }',
    expect: { found: 'cpu.mean { cpu: cpu0 }', current: expect.any(Number), points: expect.any(Number) },
  },
  'loki_matrix_simple.json': {
    series: '/info/',
    expect: { found: '{level="info", location="mars"}', current: expect.any(Number), points: expect.any(Number) },
  },
  'loki_vector_special_values.json': {
    series: '/error/',
    expect: { found: '{level="error", location="moon"}', current: null, points: 1 },
  },
  'mysql_7x_compat_wide.json': { series: 'b', expect: { found: 'b', current: 150, points: 5 } },
  'mysql_no_rows_long.json': {
    series: 'value',
    expect: { missing: /^series 'value' not found: the query returned no data$/ },
  },
  'postgres_fill_null_wide_labels.json': { series: 'v b', expect: { found: 'v b', current: 150, points: 7 } },
  'postgres_fill_value_wide.json': { series: 'v2', expect: { found: 'v2', current: 27, points: 7 } },
  'postgres_table_long_format.json': { series: 'v b', expect: { found: 'v b', current: 150, points: 5 } },
  'postgres_timeseries_simple_wide_labels.json': { series: 'v a', expect: { found: 'v a', current: 50, points: 5 } },
  'prom_range_infinity.json': { series: '1 / 0', expect: { found: '1 / 0', current: null, points: 3 } },
  'prom_range_missing.json': {
    series: '/goroutines/',
    expect: { found: 'go_goroutines{job="prometheus"}', current: 43, points: 3 },
  },
  'prom_range_nan.json': {
    series: '/handler/',
    expect: { found: '{handler="/api/v1/query_range", job="prometheus"}', current: null, points: 3 },
  },
  'prom_range_simple.json': {
    series: '/code="200"/',
    expect: { found: expect.stringContaining('code="200"'), current: 43, points: 3 },
  },
  'prom_string_result.json': {
    series: 'Value',
    expect: {
      missing: /^series 'Value' not found: no frame has both a time field and a numeric field \(fields: Time, Value\)$/,
    },
  },
  'prom_warnings_no_data.json': {
    series: 'x',
    expect: { missing: /^series 'x' not found: the query returned no data$/ },
  },
  'testdata_simple_time_last.json': { series: 'Float', expect: { found: 'Float', current: 8.9, points: 2 } },
};

const files = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort();

test('every fixture file has an expectation', () => {
  expect(files.filter((file) => !(file in EXPECTATIONS))).toEqual([]);
});

describe.each(files)('%s', (file) => {
  test('evaluates without throwing and gives a sensible result', () => {
    const { series, expect: expectation } = EXPECTATIONS[file] ?? { series: 'anything', expect: { missing: /./ } };
    const kr = evaluateFile(file, series);
    if ('missing' in expectation) {
      expect(kr.status).toBe('noData');
      expect(kr.messages).toEqual([expect.stringMatching(expectation.missing)]);
      return;
    }
    expect(kr.seriesName).toEqual(expectation.found);
    expect(kr.times.length).toEqual(expectation.points);
    expect(kr.current).toEqual(expectation.current);
    expect(kr.status).toBe(expectation.current === null ? 'noData' : kr.status);
    expect(['onTrack', 'atRisk', 'offTrack', 'noData', 'missed', 'achieved']).toContain(kr.status);
    if (expectation.message) {
      expect(kr.messages).toContainEqual(expect.stringMatching(expectation.message));
    }
  });
});
