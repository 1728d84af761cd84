import { FieldConfigSource, PanelModel } from '@grafana/data';

import { plugin } from '../module';
import { OkrOptions, OPTIONS_SCHEMA_VERSION } from '../types';

/*
 * Switching a saved panel to this one, through the built plugin's handler as Grafana calls it: (panel,
 * prevPluginId, prevOptions, prevFieldConfig). The panel JSON follows what Grafana 12 saves for a time series
 * panel; dashboard-scene passes a plain panel object whose field config has `custom` already cleared.
 */
const THRESHOLDS_250 = {
  mode: 'absolute',
  steps: [
    { color: 'green', value: null },
    { color: 'red', value: 250 },
    { color: 'dark-red', value: 400 },
  ],
};
const DEFAULT_THRESHOLDS = {
  mode: 'absolute',
  steps: [
    { color: 'green', value: null },
    { color: 'red', value: 80 },
  ],
};

function savedTimeSeries(fieldConfig: { defaults?: object; overrides?: object[] }) {
  return {
    type: 'timeseries',
    title: 'API latency',
    options: {
      legend: { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'single', sort: 'none', hideZeros: false },
    },
    fieldConfig: {
      defaults: {
        color: { mode: 'palette-classic' },
        custom: { drawStyle: 'line', lineWidth: 1, fillOpacity: 0, thresholdsStyle: { mode: 'line' } },
        mappings: [],
        thresholds: DEFAULT_THRESHOLDS,
        unit: 'ms',
        ...fieldConfig.defaults,
      },
      overrides: fieldConfig.overrides ?? [],
    },
  };
}

function changeHandler() {
  const handler = plugin.onPanelTypeChanged;
  if (!handler) {
    throw new Error('the plugin has no panel change handler');
  }
  return handler;
}

function switchToOkr(prevPluginId: string, saved: ReturnType<typeof savedTimeSeries>) {
  const handler = changeHandler();
  const fieldConfig = { ...saved.fieldConfig, defaults: { ...saved.fieldConfig.defaults, custom: {} } };
  const panel = { id: 1, type: 'okr', title: saved.title, options: {}, fieldConfig } as unknown as PanelModel;
  const prevFieldConfig = saved.fieldConfig as unknown as FieldConfigSource;
  const before = JSON.stringify(saved);
  const options = handler(panel, prevPluginId, saved.options, prevFieldConfig) as OkrOptions;
  expect(JSON.stringify(saved)).toBe(before);
  return options;
}

const byName = (name: string, properties: object[]) => ({ matcher: { id: 'byName', options: name }, properties });
const stayBelow = (series: string, target: number) => ({
  title: `${series || 'Series'} below ${target}`,
  series,
  period: 'thisQuarter',
  kind: 'stayBelow',
  target,
});

describe('switching to OKR Overlay', () => {
  test.each([
    [
      'a series with its own thresholds',
      { overrides: [byName('p95', [{ id: 'thresholds', value: THRESHOLDS_250 }])] },
      [stayBelow('p95', 250)],
    ],
    [
      'two series; an override without thresholds and one with the default are skipped',
      {
        overrides: [
          byName('p95', [{ id: 'thresholds', value: THRESHOLDS_250 }]),
          byName('p50', [{ id: 'unit', value: 's' }]),
          byName('p99', [
            { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
            { id: 'thresholds', value: { ...THRESHOLDS_250, steps: [{ value: null }, { value: 900 }] } },
          ]),
          byName('p75', [{ id: 'thresholds', value: DEFAULT_THRESHOLDS }]),
        ],
      },
      [stayBelow('p95', 250), stayBelow('p99', 900)],
    ],
    [
      'thresholds in the defaults: every series, so the series is left for the analyst to pick',
      { defaults: { thresholds: THRESHOLDS_250 } },
      [stayBelow('', 250)],
    ],
    [
      'an override by regex names no one series and is skipped',
      {
        overrides: [
          { matcher: { id: 'byRegexp', options: '/p9.*/' }, properties: [{ id: 'thresholds', value: THRESHOLDS_250 }] },
        ],
      },
      [],
    ],
    [
      'percentage thresholds are not values of the series',
      { overrides: [byName('cpu', [{ id: 'thresholds', value: { ...THRESHOLDS_250, mode: 'percentage' } }])] },
      [],
    ],
  ])('from timeseries, %s', (_name, fieldConfig, keyResults) => {
    const options = switchToOkr('timeseries', savedTimeSeries(fieldConfig));
    expect(options.objectives).toEqual(keyResults.length ? [{ title: 'Thresholds', keyResults }] : []);
    expect(options).toMatchObject({ schemaVersion: OPTIONS_SCHEMA_VERSION, view: 'auto', fiscalYearStartMonth: 0 });
  });

  test.each([
    ['graph', [stayBelow('p95', 250)]],
    ['stat', []],
    ['table', []],
  ])('from %s', (prevPluginId, keyResults) => {
    const saved = savedTimeSeries({ overrides: [byName('p95', [{ id: 'thresholds', value: THRESHOLDS_250 }])] });
    const options = switchToOkr(prevPluginId, saved);
    expect(options.objectives).toEqual(keyResults.length ? [{ title: 'Thresholds', keyResults }] : []);
  });

  test('a field config that is not an object gives the defaults', () => {
    const handler = changeHandler();
    const options = handler({} as PanelModel, 'timeseries', {}, null as unknown as FieldConfigSource);
    expect(options).toMatchObject({ objectives: [], schemaVersion: OPTIONS_SCHEMA_VERSION });
  });
});
