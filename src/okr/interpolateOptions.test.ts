import { InterpolateFunction } from '@grafana/data';

import { OkrOptions } from '../types';
import { interpolateOptions } from './interpolateOptions';

const variables: Record<string, string> = { env: 'prod', quarter: '2026-Q3' };
const replaceVariables: InterpolateFunction = (text) =>
  text.replace(/\$(\w+)/g, (whole, name: string) => variables[name] ?? whole);

const options = {
  schemaVersion: 1,
  objectives: [
    {
      title: 'Revenue in $env',
      keyResults: [
        { title: 'MRR $env', series: 'mrr_$env', period: '$quarter', kind: 'increase', target: 2, baseline: 1 },
      ],
    },
  ],
} as unknown as OkrOptions;

describe('interpolateOptions', () => {
  it('interpolates titles, series names and periods', () => {
    const result = interpolateOptions(options, replaceVariables);
    expect(result.objectives[0].title).toBe('Revenue in prod');
    expect(result.objectives[0].keyResults[0]).toMatchObject({
      title: 'MRR prod',
      series: 'mrr_prod',
      period: '2026-Q3',
    });
  });

  it('leaves non-string values for the core to validate', () => {
    const odd = { objectives: [{ title: 7, keyResults: [{ title: null, target: '$env' }] }] } as unknown as OkrOptions;
    const result = interpolateOptions(odd, replaceVariables);
    expect(result.objectives[0].title).toBe(7);
    expect(result.objectives[0].keyResults[0]).toMatchObject({ title: null, target: 'prod' });
  });

  it('interpolates target series names and the dates and values of target steps; other steps pass through', () => {
    const stepped = {
      objectives: [
        {
          title: 'o',
          keyResults: [
            {
              targetSeries: 'plan_$env',
              targetMaxSeries: 'max_$env',
              targets: [{ from: '$quarter-start', value: '$env', note: '$env' }, 5, null],
            },
          ],
        },
      ],
    } as unknown as OkrOptions;
    const before = JSON.stringify(stepped);
    expect(interpolateOptions(stepped, replaceVariables).objectives[0].keyResults[0]).toMatchObject({
      targetSeries: 'plan_prod',
      targetMaxSeries: 'max_prod',
      targets: [{ from: '2026-Q3-start', value: 'prod', note: '$env' }, 5, null],
    });
    expect(JSON.stringify(stepped)).toBe(before);
  });

  it('does not touch the saved options', () => {
    const before = JSON.stringify(options);
    interpolateOptions(options, replaceVariables);
    expect(JSON.stringify(options)).toBe(before);
  });

  it.each([undefined, 'x', { not: 'a list' }])('passes objectives = %p through unchanged', (objectives) => {
    const malformed = { objectives } as unknown as OkrOptions;
    expect(interpolateOptions(malformed, replaceVariables)).toBe(malformed);
  });
});
