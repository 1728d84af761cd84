import { render } from '@testing-library/react';
import React from 'react';

import { evaluate, KeyResultModel } from '../okr';
import { frameOf } from '../okr/testUtils';
import { summaryAttributes } from './summaryAttributes';
import { KeyResultSummary } from './KeyResultSummary';

/*
 * A streamed point makes a new model (new key result objects) on every frame; the summary line re-renders
 * only when what it shows changed. Renders are counted through the status chip, which the line draws once
 * per render of its own. As-of is held at `now`, so the expected progress (a data attribute) stays put;
 * in a dashboard it moves with the clock, and the line then re-renders, as it must.
 */
let chipRenders = 0;
jest.mock('./StatusChip', () => {
  const actual = jest.requireActual('../display/StatusChip');
  return {
    ...actual,
    StatusChip: (props: React.ComponentProps<typeof actual.StatusChip>) => {
      chipRenders++;
      return actual.StatusChip(props);
    },
  };
});

const MINUTE = 60_000;
const START = Date.UTC(2026, 6 /* Jul */, 1);
const NOW = START + 60 * MINUTE;

/** Minute samples from the period's start to a minute before `now`, then `streamed` from `now` on (as-of stays `now`). */
function keyResultAfter(streamed: number[]): KeyResultModel {
  const values = Array.from({ length: 60 }, (_, i) => 100 + i);
  const all = [...values, ...streamed];
  const frame = frameOf({ times: all.map((_, i) => START + i * MINUTE), values: all });
  const model = evaluate({
    options: {
      objectives: [
        {
          title: 'Grow',
          keyResults: [
            { title: 'Peak', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 500, reducer: 'max' },
          ],
        },
      ],
    },
    frames: [frame],
    timeRange: { from: START, to: NOW + 10 * MINUTE },
    timeZone: 'utc',
    now: NOW,
  });
  return model.objectives[0].keyResults[0];
}

function renders(before: KeyResultModel, after: KeyResultModel): number {
  const { rerender } = render(<KeyResultSummary keyResult={before} />);
  chipRenders = 0;
  rerender(<KeyResultSummary keyResult={after} />);
  return chipRenders;
}

describe('KeyResultSummary for a streamed point', () => {
  const before = keyResultAfter([]);

  it('does not re-render when the point changes nothing it shows (below the peak of a max reducer)', () => {
    const after = keyResultAfter([120]);
    expect(after).not.toBe(before);
    expect(after.values.length).toBe(before.values.length + 1);
    expect(summaryAttributes(after)).toEqual(summaryAttributes(before));
    expect(renders(before, after)).toBe(0);
  });

  it('re-renders, with the new value, when the point raises the current value', () => {
    const after = keyResultAfter([400]);
    expect(after.current).toBe(400);
    expect(renders(before, after)).toBe(1);
    expect(document.querySelector('[data-testid="okr-kr-values"]')?.textContent).toContain('400');
  });

  it('re-renders when only its messages change', () => {
    const after = { ...before, messages: ['series mrr has a gap'] };
    expect(renders(before, after)).toBe(1);
  });
});
