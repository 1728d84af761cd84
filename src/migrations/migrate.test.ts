import { FieldConfigSource, PanelModel } from '@grafana/data';

import { plugin } from '../module';
import { OPTIONS_SCHEMA_VERSION } from '../types';
import version0Panel from './fixtures/v0-panel.json';
import version1Panel from './fixtures/v1-panel.json';
import version2Panel from './fixtures/v2-panel.json';
import version3Panel from './fixtures/v3-panel.json';
import { migrateSavedPanel, needsMigration } from './migrate';

/*
 * Saved panels go through the real entry point, as Grafana calls it: `plugin.onPanelMigration(panel)`
 * returns the options and may rewrite `panel.fieldConfig`, which Grafana reads back. The step's own rules
 * (none, unknown values, an existing breachDirection) are tabled in v2.test.ts.
 */

/** A fresh copy of a fixture, typed as the panel Grafana passes (the JSON import is shared by all tests). */
function savedPanel(fixture: object): PanelModel {
  return copyJson(fixture) as PanelModel;
}

/** A deep copy of plain JSON (jsdom, where these tests run, has no structuredClone). */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function migrate(panel: PanelModel): { options: Record<string, unknown>; fieldConfig: FieldConfigSource } {
  const options = plugin.onPanelMigration!(panel) as Record<string, unknown>;
  return { options, fieldConfig: panel.fieldConfig };
}

describe('version 0 (no schemaVersion): a panel hand-written from the README', () => {
  test('is migrated even when its pluginVersion matches, because its schema is older', () => {
    expect(plugin.shouldMigrate!(savedPanel(version0Panel))).toBe(true);
  });

  test('stamps the current schema version', () => {
    expect(migrate(savedPanel(version0Panel)).options.schemaVersion).toBe(OPTIONS_SCHEMA_VERSION);
  });

  test('moves breaches.thresholds "below" into the field config defaults, keeping minDurationSeconds', () => {
    const { options, fieldConfig } = migrate(savedPanel(version0Panel));

    expect(options.breaches).toEqual({ minDurationSeconds: 0 });
    expect(fieldConfig.defaults.custom).toEqual({ breachDirection: 'below' });
  });

  test('keeps every other option and field config entry the analyst wrote, unchanged', () => {
    const { options, fieldConfig } = migrate(savedPanel(version0Panel));
    const { schemaVersion, breaches, ...rest } = options;
    const { breaches: savedBreaches, ...savedRest } = version0Panel.options;
    const { custom, ...defaults } = fieldConfig.defaults;

    expect(rest).toEqual(savedRest);
    expect(defaults).toEqual(version0Panel.fieldConfig.defaults);
    expect(fieldConfig.overrides).toEqual(version0Panel.fieldConfig.overrides);
  });
});

describe('version 1: breaches.thresholds "above" with a panel-wide minimum duration', () => {
  test('is migrated although Grafana would skip it (same pluginVersion)', () => {
    expect(plugin.shouldMigrate!(savedPanel(version1Panel))).toBe(true);
  });

  test('returns the options at the current version without breaches.thresholds', () => {
    const { options } = migrate(savedPanel(version1Panel));

    expect(options).toEqual({
      ...version1Panel.options,
      schemaVersion: OPTIONS_SCHEMA_VERSION,
      breaches: { minDurationSeconds: 60 },
    });
  });

  test('rewrites panel.fieldConfig: breachDirection "above" beside the existing defaults and overrides', () => {
    const { fieldConfig } = migrate(savedPanel(version1Panel));

    expect(fieldConfig).toEqual({
      defaults: { ...version1Panel.fieldConfig.defaults, custom: { breachDirection: 'above' } },
      overrides: version1Panel.fieldConfig.overrides,
    });
  });

  test('never overwrites a breachDirection the field config defaults already have', () => {
    const panel = savedPanel(version1Panel);
    panel.fieldConfig.defaults.custom = { breachDirection: 'off' };

    const { options, fieldConfig } = migrate(panel);

    expect(options.breaches).toEqual({ minDurationSeconds: 60 });
    expect(fieldConfig.defaults.custom).toEqual({ breachDirection: 'off' });
  });

  test('leaves an unknown breaches.thresholds in the options for the core to report', () => {
    const panel = savedPanel(version1Panel);
    panel.options.breaches.thresholds = 'sideways';

    const { options, fieldConfig } = migrate(panel);

    expect(options.breaches).toEqual({ thresholds: 'sideways', minDurationSeconds: 60 });
    expect(fieldConfig.defaults.custom).toBeUndefined();
  });
});

describe('version 2 (current)', () => {
  test('is not migrated again', () => {
    const { options, fieldConfig } = migrate(savedPanel(version1Panel));

    expect(plugin.shouldMigrate!({ options, fieldConfig } as PanelModel)).toBe(false);
  });

  test('migrating it again changes nothing', () => {
    const once = migrate(savedPanel(version1Panel));
    const twice = migrate(copyJson({ id: 4, type: 'okroverlay-kpi-panel', ...once }) as PanelModel);

    expect(twice).toEqual(once);
  });
});

describe('options from a newer plugin', () => {
  test('are returned untouched, and so is the field config', () => {
    const panel = savedPanel(version1Panel);
    panel.options = { schemaVersion: OPTIONS_SCHEMA_VERSION + 1, breaches: { thresholds: 'above' } };
    const savedFieldConfig = copyJson(panel.fieldConfig);

    const { options, fieldConfig } = migrate(panel);

    expect(options).toEqual({ schemaVersion: OPTIONS_SCHEMA_VERSION + 1, breaches: { thresholds: 'above' } });
    expect(fieldConfig).toEqual(savedFieldConfig);
  });
});

describe('version 2: a panel saved by plugin 0.2 (breachDirection in the field config)', () => {
  test('is migrated although Grafana would skip it (same pluginVersion)', () => {
    expect(plugin.shouldMigrate!(savedPanel(version2Panel))).toBe(true);
  });

  test('only the schema version changes: options and field config are kept as saved', () => {
    const { options, fieldConfig } = migrate(savedPanel(version2Panel));

    expect(options).toEqual({ ...version2Panel.options, schemaVersion: OPTIONS_SCHEMA_VERSION });
    expect(fieldConfig).toEqual(version2Panel.fieldConfig);
  });
});

describe('version 3: a panel saved by plugin 0.3 (check-ins, each, inline targets, wall pages)', () => {
  test('is migrated although Grafana would skip it (same pluginVersion)', () => {
    expect(plugin.shouldMigrate!(savedPanel(version3Panel))).toBe(true);
  });

  test('only the schema version changes: no chart option is added, so the chart layout stays auto', () => {
    const { options, fieldConfig } = migrate(savedPanel(version3Panel));

    expect(options).toEqual({ ...version3Panel.options, schemaVersion: 4 });
    expect(options).not.toHaveProperty('chart');
    expect(fieldConfig).toEqual(version3Panel.fieldConfig);
  });
});

describe('migrateSavedPanel on unusual input', () => {
  test.each([undefined, null, 'text', 42, []])('turns options %p into versioned empty options', (options) => {
    expect(migrateSavedPanel({ options })).toEqual({
      options: { schemaVersion: OPTIONS_SCHEMA_VERSION },
      fieldConfig: { defaults: {}, overrides: [] },
    });
  });

  test('does not mutate the saved options or field config', () => {
    const saved = savedPanel(version1Panel);

    migrateSavedPanel(saved);

    expect(saved).toEqual(version1Panel);
  });
});

describe('needsMigration', () => {
  test.each`
    options                                          | expected
    ${{}}                                            | ${true}
    ${{ schemaVersion: 1 }}                          | ${true}
    ${{ schemaVersion: '4' }}                        | ${false}
    ${{ schemaVersion: OPTIONS_SCHEMA_VERSION }}     | ${false}
    ${{ schemaVersion: OPTIONS_SCHEMA_VERSION + 1 }} | ${true}
    ${null}                                          | ${true}
  `('is $expected for $options', ({ options, expected }) => {
    expect(needsMigration(options)).toBe(expected);
  });
});
