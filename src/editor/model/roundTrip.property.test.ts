import { FieldConfigSource, PanelModel } from '@grafana/data';
import fc from 'fast-check';

import { plugin } from '../../module';
import { OPTIONS_SCHEMA_VERSION } from '../../types';
import { isJsonRecord } from './edits';
import { edit, expectUntouchedKept, objective, oddValue, roundTrip, unknownKeys } from './edits.arbitraries';

/**
 * A saved panel of any schema version → Grafana's migration handler → the analyst's edits in the forms →
 * saved → loaded: every objective, key result and option the analyst set and did not edit is still there,
 * unknown ones included. The one documented move: schema 1's `breaches.thresholds` 'above' / 'below' /
 * 'none' leaves the options for the field config default `breachDirection` (see src/migrations/v2.ts).
 */
const MOVED_DIRECTIONS = ['above', 'below', 'none'];

const breaches = fc.oneof(
  fc
    .record(
      {
        thresholds: fc.oneof(fc.constantFrom(...MOVED_DIRECTIONS, 'sideways'), oddValue),
        minDurationSeconds: oddValue,
      },
      { requiredKeys: [] }
    )
    .chain((known) => unknownKeys.map((extra) => ({ ...extra, ...known }))),
  oddValue
);

const savedOptions = fc
  .record(
    {
      schemaVersion: fc.constantFrom(0, 1, 2, OPTIONS_SCHEMA_VERSION + 1),
      objectives: fc.array(objective, { maxLength: 4 }),
      fiscalYearStartMonth: fc.oneof(fc.nat({ max: 11 }), oddValue),
      view: fc.oneof(fc.constantFrom('auto', 'wall'), oddValue),
      tolerances: fc.oneof(
        unknownKeys.map((extra) => ({ ...extra, atRisk: 0.05, offTrack: 0.15 })),
        oddValue
      ),
      breaches,
      futureOption: oddValue,
    },
    { requiredKeys: ['objectives'] }
  )
  .map((options) => roundTrip(options));

/** The panel as Grafana hands it to the migration handler: a fresh object each run. */
function savedPanel(options: Record<string, unknown>): PanelModel {
  const fieldConfig: FieldConfigSource = { defaults: { unit: 'percent' }, overrides: [] };
  return { id: 1, type: 'okr-overlay-panel', options, fieldConfig } as unknown as PanelModel;
}

function savedVersion(options: Record<string, unknown>): number {
  return typeof options.schemaVersion === 'number' ? options.schemaVersion : 0;
}

/** Schema 1's panel-wide direction that the migration moves to the field config, if any. */
function movedDirection(saved: Record<string, unknown>): string | undefined {
  const saving = saved.breaches;
  if (savedVersion(saved) >= 2 || !isJsonRecord(saving) || !MOVED_DIRECTIONS.includes(String(saving.thresholds))) {
    return undefined;
  }
  return String(saving.thresholds);
}

/** The options the analyst set, as they must read after the migration (the one move taken out). */
function expectedOptions(saved: Record<string, unknown>): Record<string, unknown> {
  const { objectives, schemaVersion, ...rest } = saved;
  if (movedDirection(saved) === undefined || !isJsonRecord(rest.breaches)) {
    return rest;
  }
  const { thresholds, ...keptBreaches } = rest.breaches;
  return { ...rest, breaches: keptBreaches };
}

describe('saved options survive migration, any edits and a save', () => {
  it('keeps every option, objective, key result and field the analyst set and did not edit', () => {
    fc.assert(
      fc.property(savedOptions, fc.array(edit, { maxLength: 12 }), (saved, edits) => {
        const panel = savedPanel(roundTrip(saved));
        const migrated = plugin.onPanelMigration!(panel) as unknown as Record<string, unknown>;
        const touched = new Map<string, Set<string>>();
        const savedObjectives = saved.objectives as unknown[];
        const edited = edits.reduce<unknown[]>((list, e) => e.apply(list, touched), migrated.objectives as unknown[]);
        const loaded: { options: Record<string, unknown>; fieldConfig: FieldConfigSource } = roundTrip({
          options: { ...migrated, objectives: edited },
          fieldConfig: panel.fieldConfig,
        });

        const { objectives, schemaVersion, ...options } = loaded.options;
        expect(options).toEqual(expectedOptions(saved));
        const newer = savedVersion(saved) > OPTIONS_SCHEMA_VERSION;
        expect(schemaVersion).toBe(newer ? saved.schemaVersion : OPTIONS_SCHEMA_VERSION);
        expectUntouchedKept(savedObjectives, objectives as unknown[], touched);

        const direction = movedDirection(saved);
        const expectedDirection = direction === 'none' ? undefined : direction;
        expect(loaded.fieldConfig.defaults.custom?.breachDirection).toEqual(expectedDirection);
        expect(loaded.fieldConfig.defaults.unit).toBe('percent');
      })
    );
  });
});
