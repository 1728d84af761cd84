import { OPTIONS_SCHEMA_VERSION } from '../types';
import { migrateOptions } from './migrate';

/** Verbatim panel options as a user wrote them in provisioning JSON before schemaVersion existed. */
const version0Options = {
  fiscalYearStartMonth: 0,
  objectives: [
    {
      title: 'Grow revenue',
      keyResults: [
        {
          title: 'MRR to $2M',
          series: 'mrr',
          period: '2026-Q3',
          kind: 'increase',
          baseline: 1500000,
          target: 2000000,
          reducer: 'lastNotNull',
          milestones: [{ at: '2026-08-01', value: 1700000 }],
          weight: 1,
        },
      ],
    },
  ],
};

describe('migrateOptions from version 0 (no schemaVersion)', () => {
  it('stamps the current schema version', () => {
    expect(migrateOptions(version0Options).schemaVersion).toBe(OPTIONS_SCHEMA_VERSION);
  });

  it('keeps every field the analyst wrote, unchanged', () => {
    const { schemaVersion, ...rest } = migrateOptions(version0Options);
    expect(rest).toEqual(version0Options);
  });

  it('keeps fields it does not know', () => {
    expect(migrateOptions({ ...version0Options, customNote: 'keep me' })).toMatchObject({ customNote: 'keep me' });
  });

  it('does not mutate its argument', () => {
    const saved = JSON.parse(JSON.stringify(version0Options));
    migrateOptions(saved);
    expect(saved).toEqual(version0Options);
  });
});

describe('migrateOptions on unusual input', () => {
  it.each([undefined, null, 'text', 42, []])('turns %p into versioned empty options', (saved) => {
    expect(migrateOptions(saved)).toEqual({ schemaVersion: OPTIONS_SCHEMA_VERSION });
  });

  it('leaves options saved by a newer plugin untouched', () => {
    const future = { schemaVersion: OPTIONS_SCHEMA_VERSION + 1, objectives: 'new shape' };
    expect(migrateOptions(future)).toEqual(future);
  });
});
