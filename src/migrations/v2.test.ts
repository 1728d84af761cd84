import { FieldConfigSource } from '@grafana/data';

import { toVersion2 } from './v2';

/** A deep copy of plain JSON (jsdom, where these tests run, has no structuredClone). */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

const EMPTY_FIELD_CONFIG: FieldConfigSource = { defaults: {}, overrides: [] };

describe('toVersion2: breaches.thresholds → fieldConfig.defaults.custom.breachDirection', () => {
  test.each`
    breaches                                              | custom                             | expectedBreaches                                      | expectedCustom
    ${{ thresholds: 'above', minDurationSeconds: 30 }}    | ${undefined}                       | ${{ minDurationSeconds: 30 }}                         | ${{ breachDirection: 'above' }}
    ${{ thresholds: 'below' }}                            | ${undefined}                       | ${{}}                                                 | ${{ breachDirection: 'below' }}
    ${{ thresholds: 'none', minDurationSeconds: 30 }}     | ${undefined}                       | ${{ minDurationSeconds: 30 }}                         | ${undefined}
    ${{ thresholds: 'above', note: 'keep me' }}           | ${{ lineWidth: 2 }}                | ${{ note: 'keep me' }}                                | ${{ lineWidth: 2, breachDirection: 'above' }}
    ${{ thresholds: 'above' }}                            | ${{ breachDirection: 'below' }}    | ${{}}                                                 | ${{ breachDirection: 'below' }}
    ${{ thresholds: 'above' }}                            | ${{ breachDirection: 'nonsense' }} | ${{}}                                                 | ${{ breachDirection: 'nonsense' }}
    ${{ thresholds: 'sideways', minDurationSeconds: 30 }} | ${undefined}                       | ${{ thresholds: 'sideways', minDurationSeconds: 30 }} | ${undefined}
    ${{ thresholds: 1 }}                                  | ${undefined}                       | ${{ thresholds: 1 }}                                  | ${undefined}
    ${{ thresholds: null }}                               | ${undefined}                       | ${{ thresholds: null }}                               | ${undefined}
    ${{ minDurationSeconds: 30 }}                         | ${undefined}                       | ${{ minDurationSeconds: 30 }}                         | ${undefined}
  `(
    'breaches $breaches with custom $custom → breaches $expectedBreaches, custom $expectedCustom',
    ({ breaches, custom, expectedBreaches, expectedCustom }) => {
      const defaults = custom === undefined ? {} : { custom };

      const migrated = toVersion2({ options: { breaches }, fieldConfig: { defaults, overrides: [] } });

      expect(migrated.options.breaches).toEqual(expectedBreaches);
      expect(migrated.fieldConfig.defaults.custom).toEqual(expectedCustom);
    }
  );

  test.each([undefined, 'above', null, ['above']])('leaves options with breaches %p as they are', (breaches) => {
    const panel = { options: { breaches }, fieldConfig: EMPTY_FIELD_CONFIG };

    expect(toVersion2(panel)).toBe(panel);
  });

  test('keeps the other field config defaults and the overrides', () => {
    const overrides = [{ matcher: { id: 'byName', options: 'p95' }, properties: [{ id: 'unit', value: 'ms' }] }];

    const migrated = toVersion2({
      options: { breaches: { thresholds: 'below' } },
      fieldConfig: { defaults: { unit: 'percent' }, overrides },
    });

    expect(migrated.fieldConfig).toEqual({
      defaults: { unit: 'percent', custom: { breachDirection: 'below' } },
      overrides,
    });
  });

  test('sets the direction when saved JSON has no field config defaults', () => {
    const fieldConfig = { overrides: [] } as unknown as FieldConfigSource;

    const migrated = toVersion2({ options: { breaches: { thresholds: 'above' } }, fieldConfig });

    expect(migrated.fieldConfig.defaults).toEqual({ custom: { breachDirection: 'above' } });
  });

  test('does not mutate its argument', () => {
    const panel = {
      options: { breaches: { thresholds: 'above', minDurationSeconds: 5 } },
      fieldConfig: { defaults: { custom: { lineWidth: 1 } }, overrides: [] },
    };
    const copy = copyJson(panel);

    toVersion2(panel);

    expect(panel).toEqual(copy);
  });
});
