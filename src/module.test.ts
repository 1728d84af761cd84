import {
  applyFieldOverrides,
  createDataFrame,
  createTheme,
  FieldMatcherID,
  FieldConfigProperty,
  FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  PanelOptionsEditorBuilder,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  thresholdsOverrideProcessor,
} from '@grafana/data';

import { plugin } from './module';
import { OkrOptions } from './types';

/*
 * The built PanelPlugin, as Grafana reads it: the field config registry and the panel options' paths.
 * Grafana's app fills the editor registries a plugin's builders look up; here they get the few entries
 * this plugin uses, with the categories Grafana gives its standard thresholds and colour.
 */
const Editor = () => null;

standardEditorsRegistry.setInit(() =>
  ['radio', 'select', 'number'].map((id) => ({ id, name: id, description: '', editor: Editor }))
);
standardFieldConfigEditorRegistry.setInit(() => [
  standardProperty(FieldConfigProperty.Thresholds, 'Thresholds', thresholdsOverrideProcessor),
  standardProperty(FieldConfigProperty.Color, 'Standard options', identityOverrideProcessor),
]);

function standardProperty(id: string, category: string, process: FieldConfigPropertyItem['process']) {
  const always = () => true;
  return {
    id,
    path: id,
    name: id,
    category: [category],
    editor: Editor,
    override: Editor,
    process,
    shouldApply: always,
  };
}

describe('custom field config', () => {
  const item = plugin.fieldConfigRegistry.getIfExists('custom.breachDirection');

  test('registers breachDirection as a custom property, editable in defaults and overrides', () => {
    expect(item).toMatchObject({
      id: 'custom.breachDirection',
      path: 'breachDirection',
      isCustom: true,
    });
    expect(item?.hideFromDefaults).toBeFalsy();
    expect(item?.hideFromOverrides).toBeFalsy();
  });

  test('defaults to off, in defaults and in the plugin field config defaults', () => {
    expect(item?.defaultValue).toBe('off');
    expect(plugin.fieldConfigDefaults.defaults.custom).toEqual({ breachDirection: 'off' });
  });

  test('offers off, above and below', () => {
    expect(item?.settings.options.map((option: { value: string }) => option.value)).toEqual(['off', 'above', 'below']);
  });

  test('applies to number fields only', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [1] },
        { name: 'latency', type: FieldType.number, values: [200] },
      ],
    });

    expect(frame.fields.map((field) => item?.shouldApply(field))).toEqual([false, true]);
  });

  test("is listed with the standard thresholds, in Grafana's Thresholds category", () => {
    const ids = plugin.fieldConfigRegistry.list().map((property) => property.id);

    expect(item?.category).toEqual(['Thresholds']);
    expect(ids.indexOf('custom.breachDirection')).toBe(ids.indexOf(FieldConfigProperty.Thresholds) + 1);
  });

  test('is set per series by an override, the other series keeping the default', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [1] },
        { name: 'latency', type: FieldType.number, values: [200] },
        { name: 'availability', type: FieldType.number, values: [99.95] },
      ],
    });
    const [applied] = applyFieldOverrides({
      data: [frame],
      fieldConfig: {
        defaults: plugin.fieldConfigDefaults.defaults,
        overrides: [
          {
            matcher: { id: FieldMatcherID.byName, options: 'latency' },
            properties: [{ id: 'custom.breachDirection', value: 'above' }],
          },
        ],
      },
      fieldConfigRegistry: plugin.fieldConfigRegistry,
      replaceVariables: (text) => text,
      theme: createTheme(),
    });

    expect(applied.fields.map((field) => field.config.custom?.breachDirection)).toEqual([undefined, 'above', 'off']);
  });

  test('keeps the palette colour as the standard colour default', () => {
    expect(plugin.fieldConfigDefaults.defaults.color).toEqual({ mode: 'palette-classic' });
  });
});

test('asks Grafana for the dashboard annotations, which the chart draws', () => {
  expect(plugin.dataSupport).toEqual({ annotations: true, alertStates: false });
});

describe('panel options', () => {
  const builder = new PanelOptionsEditorBuilder<OkrOptions>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  const paths = builder.getItems().map((option) => option.path);

  test('has no panel-wide breaches.thresholds: the direction is per series', () => {
    expect(paths).not.toContain('breaches.thresholds');
  });

  test('edits the status tolerances as one option, in percentage points', () => {
    const tolerances = builder.getItems().find((option) => option.path === 'tolerances');
    expect(tolerances).toMatchObject({ id: 'tolerances', name: 'Status tolerances', category: ['Status'] });
    expect(tolerances?.defaultValue).toEqual({ atRisk: 0.05, offTrack: 0.15 });
    expect(paths).not.toContain('tolerances.atRisk');
    expect(paths).not.toContain('tolerances.offTrack');
  });

  test('keeps the panel-wide minimum breach duration', () => {
    expect(paths).toContain('breaches.minDurationSeconds');
  });

  test('offers okrQuery as one option with no default, so a saved panel without it stays without it', () => {
    const okrQuery = builder.getItems().find((option) => option.path === 'okrQuery');
    expect(okrQuery).toMatchObject({ id: 'okrQuery', name: 'Key results from a query', category: ['OKR'] });
    expect(okrQuery?.defaultValue).toBeUndefined();
  });

  test('offers the chart layout as a radio (default auto), only for views that draw the chart', () => {
    const layout = builder.getItems().find((option) => option.path === 'chart.layout');
    expect(layout).toMatchObject({ name: 'Chart layout', category: ['OKR'], defaultValue: 'auto' });
    expect(layout?.settings?.options.map((option: { value: string }) => option.value)).toEqual([
      'auto',
      'shared',
      'perKeyResult',
    ]);
    const shownFor = (view: string) => layout?.showIf?.({ view } as OkrOptions, undefined);
    expect(['auto', 'chart', 'scorecard', 'wall'].map(shownFor)).toEqual([true, true, false, false]);
  });

  test('edits checkInQuery as one option with no default (absent: no check-ins)', () => {
    const checkIns = builder.getItems().find((option) => option.path === 'checkInQuery');
    expect(checkIns).toMatchObject({ id: 'checkInQuery', name: 'Check-in query', category: ['OKR'] });
    expect(checkIns?.defaultValue).toBeUndefined();
  });
});
