/**
 * Frames as datasources return them, evaluated end to end: the core must find the series (and give
 * numbers) or say specifically why not. The exact arithmetic is owned by the unit tests beside each rule;
 * this file owns "real frame shapes never throw, and each gives the result a user would expect".
 *
 * Two corpora: the project's own (tests/fixtures/frames, one file per shape the core handles) always
 * runs; the recorded responses in ../shared/fixtures/frames (beside the project, not part of a clone)
 * run in addition when that folder exists. The describe titles say which ran.
 */
import { dataFrameFromJSON, type DataFrameJSON } from '@grafana/data';
import fs from 'fs';
import path from 'path';
import { evaluate } from './evaluate';
import type { KeyResultModel } from './model';

const PROJECT_FRAMES = path.resolve(__dirname, '../../tests/fixtures/frames');
const SHARED_FRAMES = path.resolve(__dirname, '../../../shared/fixtures/frames');
const NOW = Date.UTC(2026, 0 /* Jan */, 1);

/** Parsed afresh on every call: dataFrameFromJSON mutates its input (jsdom has no structuredClone). */
function load(file: string) {
  const json: DataFrameJSON[] = JSON.parse(fs.readFileSync(file, 'utf8'));
  return json.map((frame) => dataFrameFromJSON(frame));
}

function evaluateFile(file: string, series: string): KeyResultModel {
  const model = evaluate({
    options: {
      objectives: [
        {
          title: 'Fixture',
          keyResults: [
            {
              title: path.basename(file),
              series,
              period: { from: '1970-01-01', to: '2030-01-01' },
              kind: 'increase',
              target: 1e9,
            },
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

/**
 * Found: the series' display name, its current value, its point count and all its messages (exact
 * strings, or patterns where a recorded file's numbers are not the point). Missing: the one message.
 */
type Expectation =
  | { found: string; current: number | null; points: number; messages?: Array<string | RegExp> }
  | { missing: string | RegExp };

interface Case {
  file: string;
  series: string;
  expect: Expectation;
}

const BILLING = 'queue_ratio{queue="billing"}';
const WEB_1 = 'usage_idle {cpu="cpu-total", host="web-1"}';
const WEB_2 = 'usage_idle {cpu="cpu-total", host="web-2"}';

/** The project's corpus: tests/fixtures/frames, written for this plugin (epoch times from 2025-06-01). */
const PROJECT_CASES: Case[] = [
  { file: 'prometheus_matrix_labels.json', series: 'us', expect: { found: 'us', current: 8.5, points: 4 } },
  {
    file: 'prometheus_matrix_labels.json',
    series: '/^(eu|apac)$/',
    expect: {
      found: 'eu',
      current: 4.25,
      points: 4,
      messages: ["series regex /^(eu|apac)$/ matched 2 series (eu, apac); using the first, 'eu'"],
    },
  },
  {
    file: 'loki_matrix.json',
    series: '{app="checkout", level="warn"}',
    expect: { found: '{app="checkout", level="warn"}', current: 10, points: 5 },
  },
  { file: 'flux.json', series: WEB_2, expect: { found: WEB_2, current: 77, points: 3 } },
  {
    file: 'flux.json',
    series: 'usage_idle',
    expect: {
      found: WEB_1,
      current: 88.9,
      points: 3,
      messages: [`series 'usage_idle' matched 2 series (${WEB_1}, ${WEB_2}); using the first, '${WEB_1}'`],
    },
  },
  // The last sample is null: the current value is the last one that is not.
  {
    file: 'influxql_tags.json',
    series: 'disk.used_percent { path: /data }',
    expect: { found: 'disk.used_percent { path: /data }', current: 64.9, points: 4 },
  },
  { file: 'sql_wide.json', series: 'revenue', expect: { found: 'revenue', current: 131.75, points: 5 } },
  { file: 'sql_wide.json', series: 'orders', expect: { found: 'orders', current: 4, points: 5 } },
  {
    file: 'sql_long.json',
    series: 'signups {plan="free", region="us"}',
    expect: { found: 'signups {plan="free", region="us"}', current: 8, points: 3 },
  },
  {
    file: 'elasticsearch.json',
    series: 'Average latency_ms',
    expect: { found: 'Average latency_ms', current: 230.25, points: 4 },
  },
  { file: 'testdata_time_last.json', series: 'Load', expect: { found: 'Load', current: 0.61, points: 3 } },
  {
    file: 'empty_frame_list.json',
    series: 'orders',
    expect: { missing: "series 'orders' not found: the query returned no data" },
  },
  {
    file: 'no_rows.json',
    series: 'amount',
    expect: {
      found: 'amount',
      current: null,
      points: 0,
      messages: ["series 'amount' has no rows: the query returned no data"],
    },
  },
  // NaN, +Inf and -Inf arrive through `entities` and count as missing samples.
  { file: 'special_values.json', series: BILLING, expect: { found: BILLING, current: 1.1, points: 6 } },
  {
    file: 'special_values.json',
    series: '/email/',
    expect: { found: 'queue_ratio{queue="email"}', current: 0.5, points: 3 },
  },
  { file: 'numbers_as_strings.json', series: 'value', expect: { found: 'value', current: 15, points: 4 } },
  {
    file: 'numbers_as_strings.json',
    series: 'valu',
    expect: { missing: "series 'valu' not found; available: value" },
  },
  {
    file: 'unusable_boolean.json',
    series: 'active',
    expect: { missing: "series 'active' is a boolean field: only number fields (or numeric text) can be tracked" },
  },
  {
    file: 'unusable_no_time.json',
    series: 'revenue',
    expect: { missing: "series 'revenue' has no time field in its frame (fields: region, revenue)" },
  },
  {
    file: 'unusable_thousands.json',
    series: 'revenue',
    expect: {
      missing: "series 'revenue' holds text such as '1,234.5', not numbers (thousands separators are not read)",
    },
  },
];

/** One key result per file of ../shared/fixtures/frames (recorded datasource responses). */
const SHARED_CASES: Record<string, { series: string; expect: Expectation }> = {
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
      messages: [/^series regex \/\^i \/ matched \d series .*using the first/],
    },
  },
  'flux_simple.json': { series: 'f', expect: { found: 'f {a="1", b="adsfasdf"}', current: 6.6, points: 2 } },
  'flux_without_time_column.json': {
    series: 'cpu',
    expect: {
      missing: "series 'cpu' holds text such as 'cpu-total', not numbers",
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
    expect: {
      found: '{level="error", location="moon"}',
      current: null,
      points: 1,
      messages: [/has only null values in .* \(1 sample\)$/],
    },
  },
  'mysql_7x_compat_wide.json': { series: 'b', expect: { found: 'b', current: 150, points: 5 } },
  'mysql_no_rows_long.json': {
    series: 'value',
    expect: { missing: "series 'value' not found: the query returned no data" },
  },
  'postgres_fill_null_wide_labels.json': { series: 'v b', expect: { found: 'v b', current: 150, points: 7 } },
  'postgres_fill_value_wide.json': { series: 'v2', expect: { found: 'v2', current: 27, points: 7 } },
  'postgres_table_long_format.json': { series: 'v b', expect: { found: 'v b', current: 150, points: 5 } },
  'postgres_timeseries_simple_wide_labels.json': { series: 'v a', expect: { found: 'v a', current: 50, points: 5 } },
  'prom_range_infinity.json': {
    series: '1 / 0',
    expect: { found: '1 / 0', current: null, points: 3, messages: [/has only null values in .* \(3 samples\)$/] },
  },
  'prom_range_missing.json': {
    series: '/goroutines/',
    expect: { found: 'go_goroutines{job="prometheus"}', current: 43, points: 3 },
  },
  'prom_range_nan.json': {
    series: '/handler/',
    expect: {
      found: '{handler="/api/v1/query_range", job="prometheus"}',
      current: null,
      points: 3,
      messages: [/has only null values in .* \(3 samples\)$/],
    },
  },
  'prom_range_simple.json': {
    series: '/code="200"/',
    expect: { found: expect.stringContaining('code="200"'), current: 43, points: 3 },
  },
  'prom_string_result.json': {
    series: 'Value',
    expect: {
      missing: "series 'Value' holds text such as 'example', not numbers",
    },
  },
  'prom_warnings_no_data.json': {
    series: 'x',
    expect: { missing: "series 'x' not found: the query returned no data" },
  },
  'testdata_simple_time_last.json': { series: 'Float', expect: { found: 'Float', current: 8.9, points: 2 } },
};

const fromRoot = (dir: string) => path.relative(path.resolve(__dirname, '../..'), dir);
const asMatcher = (text: string | RegExp) => (typeof text === 'string' ? text : expect.stringMatching(text));

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

function describeCorpus(name: string, dir: string, cases: Case[]) {
  const files = jsonFiles(dir);
  describe(`${name} (${fromRoot(dir)}: ${files.length} files)`, () => {
    test('every file has an expectation, and every expectation a file', () => {
      const covered = new Set(cases.map((entry) => entry.file));
      expect(files.filter((file) => !covered.has(file))).toEqual([]);
      expect([...covered].filter((file) => !files.includes(file))).toEqual([]);
    });

    test.each(cases)('$file, series $series', ({ file, series, expect: expectation }) => {
      const kr = evaluateFile(path.join(dir, file), series);
      if ('missing' in expectation) {
        expect(kr.status).toBe('noData');
        expect(kr.seriesName).toBeNull();
        expect(kr.messages).toEqual([asMatcher(expectation.missing)]);
        return;
      }
      expect(kr.seriesName).toEqual(expectation.found);
      expect(kr.times.length).toEqual(expectation.points);
      expect(kr.current).toEqual(expectation.current);
      expect(kr.messages).toEqual((expectation.messages ?? []).map(asMatcher));
      if (expectation.current === null) {
        expect(kr.status).toBe('noData');
      } else {
        expect(['onTrack', 'atRisk', 'offTrack', 'missed', 'achieved']).toContain(kr.status);
      }
    });
  });
}

describeCorpus('project frames', PROJECT_FRAMES, PROJECT_CASES);

if (fs.existsSync(SHARED_FRAMES)) {
  const cases = Object.entries(SHARED_CASES).map(([file, entry]) => ({ file, ...entry }));
  describeCorpus('shared frames, in addition', SHARED_FRAMES, cases);
} else {
  // A clone on its own has no ../shared: say so in the output rather than pass silently.
  describe.skip(`shared frames (${fromRoot(SHARED_FRAMES)} is absent: only the project corpus ran)`, () => {
    test('recorded datasource responses', () => undefined);
  });
}
