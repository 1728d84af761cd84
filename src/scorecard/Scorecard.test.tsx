import { render, screen, within } from '@testing-library/react';
import React from 'react';

import { STATUS_DISPLAY } from '../display/status';
import { evaluate, KrStatus, STATUS_WORST_FIRST } from '../okr';
import { dailyFrame } from '../okr/testUtils';
import { Scorecard } from './Scorecard';
import {
  DAY,
  emptyKeyResultModel,
  keyResultModel,
  MID_Q3,
  objectiveModel,
  panelModel,
  Q3_END,
  Q3_START,
} from '../display/testModels';

const XSS = '<img src=x onerror=alert(1)>';

function renderScorecard(model = panelModel([objectiveModel([keyResultModel()])]), width = 1200) {
  return render(<Scorecard model={model} width={width} height={600} />);
}

function rows() {
  return screen.getAllByTestId('okr-kr-summary');
}

test.each([...STATUS_WORST_FIRST])('a %s row shows the status word and icon', (status: KrStatus) => {
  renderScorecard(panelModel([objectiveModel([keyResultModel({ status })], { status: 'onTrack' })]));
  const chip = within(rows()[0]).getByTestId('okr-status-chip');
  expect(chip).toHaveTextContent(STATUS_DISPLAY[status].label);
  expect(chip.querySelector(`[data-testid="${STATUS_DISPLAY[status].icon}"]`)).not.toBeNull();
});

test('carries the summary attributes once per key result, on the row only', () => {
  const first = objectiveModel([keyResultModel({ id: 'a' }), keyResultModel({ id: 'b', title: 'Churn' })]);
  const second = objectiveModel([keyResultModel({ id: 'c', title: 'NPS' })], { id: 'obj-2', title: 'Delight' });
  renderScorecard(panelModel([first, second]));
  expect(rows().map((row) => row.dataset.krId)).toEqual(['a', 'b', 'c']);
  expect(screen.getAllByTestId('okr-objective')).toHaveLength(2);
});

test('the progress label shows the unclamped percentage while the bar stops at full', () => {
  renderScorecard(panelModel([objectiveModel([keyResultModel({ progress: 1.12, expected: 0.5 })])]));
  const row = rows()[0];
  expect(within(row).getByTestId('okr-progress-label')).toHaveTextContent('112%');
  const bar = within(row).getByRole('progressbar');
  expect(bar).toHaveAttribute('aria-valuenow', '100');
  expect(bar.firstElementChild).toHaveStyle({ width: '100%' });
  expect(within(row).getByTestId('okr-expected-tick')).toHaveStyle({ left: '50%' });
});

test('the objective shows its weighted roll-up from the core', () => {
  renderScorecard(panelModel([objectiveModel([keyResultModel()], { progress: 0.775, status: 'atRisk' })]));
  const header = screen.getByTestId('okr-objective-progress');
  expect(header).toHaveTextContent('78%');
  expect(screen.getAllByTestId('okr-status-chip')[0]).toHaveTextContent('At risk');
});

test.each`
  name                 | asOf              | text
  ${'mid period'}      | ${MID_Q3}         | ${'47 days left'}
  ${'last day'}        | ${Q3_END - DAY}   | ${'1 day left'}
  ${'period over'}     | ${Q3_END}         | ${'ended'}
  ${'not yet started'} | ${Q3_START - DAY} | ${'starts in 1 day'}
`('days left: $name → "$text"', ({ asOf, text }) => {
  renderScorecard(panelModel([objectiveModel([keyResultModel({ asOf })])]));
  expect(screen.getByTestId('okr-days-left')).toHaveTextContent(text);
});

test('breach count, the longest breach and the ongoing-breach marker', () => {
  renderScorecard(
    panelModel([objectiveModel([keyResultModel({ breachCount: 2, longestBreachSeconds: 7800, ongoingBreach: true })])])
  );
  expect(screen.getByTestId('okr-breaches')).toHaveTextContent(/^2 breaches · longest 2h 10m$/);
  expect(screen.getByTestId('okr-breach-ongoing')).toHaveTextContent('Breach ongoing');
});

test('messages, owner and description appear as text under the key result', () => {
  const kr = keyResultModel({
    messages: ["series 'mrr' not found"],
    owner: 'Ana',
    description: 'Monthly recurring revenue',
  });
  renderScorecard(panelModel([objectiveModel([kr])]));
  const row = rows()[0];
  expect(within(row).getByTestId('okr-message')).toHaveTextContent("series 'mrr' not found");
  expect(row).toHaveTextContent('Ana · Monthly recurring revenue');
});

test('markup in user text stays text: no element is created from it', () => {
  const kr = keyResultModel({ title: XSS, owner: XSS, description: XSS, messages: [XSS] });
  const { container } = renderScorecard(
    panelModel([objectiveModel([kr], { title: XSS, owner: XSS })], { messages: [XSS] })
  );
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getAllByText(XSS, { exact: false }).length).toBeGreaterThanOrEqual(3);
  expect(rows()[0]).toHaveAttribute('data-title', XSS);
});

test.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', '', undefined])(
  'a link %p that the sanitizer refuses renders no anchor',
  (link) => {
    const { container } = renderScorecard(panelModel([objectiveModel([keyResultModel({ link })])]));
    expect(screen.queryByTestId('okr-kr-link')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
  }
);

test('a safe link opens in a new tab without handing over the opener', () => {
  renderScorecard(panelModel([objectiveModel([keyResultModel({ link: 'https://example.com/okr?q=1' })])]));
  const anchor = screen.getByTestId('okr-kr-link');
  expect(anchor).toHaveAttribute('href', 'https://example.com/okr?q=1');
  expect(anchor).toHaveAttribute('target', '_blank');
  expect(anchor).toHaveAttribute('rel', 'noopener noreferrer');
});

test('draws the sparkline from at most 200 points, with a dashed target line', () => {
  const times = Float64Array.from({ length: 5000 }, (_, i) => Q3_START + i * 60_000);
  const values = Float64Array.from(times, (_, i) => 100 + (i % 97));
  renderScorecard(panelModel([objectiveModel([keyResultModel({ times, values })])]));
  const path = screen.getByTestId('okr-sparkline').querySelector('path')!;
  expect(
    path
      .getAttribute('d')!
      .split(/[ML]/)
      .filter((part) => part.trim()).length
  ).toBeLessThanOrEqual(200);
  expect(screen.getAllByTestId('okr-sparkline-target')).toHaveLength(1);
});

test('a target that changes over time is drawn in the sparkline as its steps, not as one flat line', () => {
  const targetSteps = [
    { time: Q3_START, value: 150, max: null },
    { time: Q3_START + 31 * DAY, value: 180, max: null },
  ];
  renderScorecard(panelModel([objectiveModel([keyResultModel({ targetSteps, target: 180 })])]));
  const [goal] = screen.getAllByTestId('okr-sparkline-target');
  expect(goal.tagName.toLowerCase()).toBe('path');
  expect(goal.getAttribute('d')).toMatch(/^M\S+ \S+ H\S+ V\S+ H\S+$/);
});

test('a narrow panel drops the sparkline and keeps every other cell', () => {
  renderScorecard(undefined, 500);
  expect(screen.queryByTestId('okr-sparkline')).toBeNull();
  expect(within(rows()[0]).getByTestId('okr-progress-label')).toHaveTextContent('54%');
  expect(within(rows()[0]).getByTestId('okr-days-left')).toHaveTextContent('47 days left');
});

describe('odd models render dashes instead of crashing', () => {
  test('no objectives', () => {
    renderScorecard(panelModel([], { messages: ['no objectives configured'] }));
    expect(screen.getByTestId('okr-empty')).toHaveTextContent('–');
    expect(screen.getByTestId('okr-message')).toHaveTextContent('no objectives configured');
  });

  test('an objective without key results', () => {
    renderScorecard(panelModel([objectiveModel([])]));
    expect(screen.getByTestId('okr-objective-progress')).toHaveTextContent('–');
    expect(screen.queryByTestId('okr-kr-summary')).toBeNull();
  });

  test('a key result with no period, no numbers and empty series', () => {
    renderScorecard(panelModel([objectiveModel([emptyKeyResultModel()])]));
    const row = rows()[0];
    expect(within(row).getByTestId('okr-kr-values')).toHaveTextContent('– / –');
    expect(within(row).getByTestId('okr-progress-label')).toHaveTextContent('–');
    expect(within(row).getByTestId('okr-days-left')).toHaveTextContent('–');
    expect(within(row).getByTestId('okr-sparkline-empty')).toBeInTheDocument();
    expect(within(row).queryByTestId('okr-expected-tick')).toBeNull();
  });

  test('NaN where a number was expected', () => {
    renderScorecard(
      panelModel([objectiveModel([keyResultModel({ progress: NaN, expected: NaN, current: NaN, asOf: NaN })])])
    );
    expect(within(rows()[0]).getByTestId('okr-progress-label')).toHaveTextContent('–');
    expect(within(rows()[0]).getByTestId('okr-days-left')).toHaveTextContent('–');
  });
});

test('draws a model straight from the core', () => {
  const model = evaluate({
    options: {
      objectives: [
        {
          title: 'Grow revenue',
          keyResults: [
            { title: 'MRR to 200', series: 'mrr', period: '2026-Q3', kind: 'increase', baseline: 100, target: 200 },
          ],
        },
      ],
    },
    // Daily samples at midnight: the last one before as-of (Aug 15 12:00) is day 45, value 145.
    frames: [dailyFrame(Array.from({ length: 47 }, (_, i) => 100 + i))],
    timeRange: { from: Q3_START, to: MID_Q3 },
    timeZone: 'utc',
    now: MID_Q3,
  });
  renderScorecard(model);
  const row = rows()[0];
  expect(row).toHaveAttribute('data-title', 'MRR to 200');
  expect(within(row).getByTestId('okr-kr-values')).toHaveTextContent('145 / 200');
  expect(within(row).getByTestId('okr-progress-label')).toHaveTextContent('45%');
  expect(within(row).getByTestId('okr-sparkline')).toBeInTheDocument();
});
