import { act, render, screen, within } from '@testing-library/react';
import React from 'react';

import { STATUS_DISPLAY } from '../display/status';
import { KrStatus, STATUS_WORST_FIRST } from '../okr';
import {
  DAY,
  emptyKeyResultModel,
  keyResultModel,
  objectiveModel,
  panelModel,
  Q3_END,
  Q3_START,
} from '../display/testModels';
import { periodName } from '../display/daysLeft';
import { WallView } from './WallView';
import { floorPx, SMALLEST_TEXT_EM } from './wallLayout';

const model = panelModel([
  objectiveModel(
    [
      keyResultModel({ id: 'a', owner: 'Ana' }),
      keyResultModel({ id: 'b', title: 'Churn below 3%', status: 'atRisk', progress: 1.3 }),
    ],
    { progress: 0.77, status: 'atRisk' }
  ),
]);

/** n objectives of k key results each, ids o<i>-kr<j>. */
function bigModel(objectives: number, keyResults: number) {
  return panelModel(
    Array.from({ length: objectives }, (_, o) =>
      objectiveModel(
        Array.from({ length: keyResults }, (_, k) => keyResultModel({ id: `o${o}-kr${k}`, title: `KR ${o}.${k}` })),
        { id: `o${o}`, title: `Objective ${o}` }
      )
    )
  );
}

const fontSize = () => parseFloat(screen.getByTestId('okr-wall').style.fontSize);

test('type grows with the panel, and at 1080p no text is under 24 px', () => {
  const { rerender } = render(<WallView model={model} width={480} height={270} />);
  const small = fontSize();
  rerender(<WallView model={model} width={1920} height={1080} />);
  expect(fontSize()).toBeGreaterThan(small);
  expect(fontSize() * SMALLEST_TEXT_EM).toBeGreaterThanOrEqual(24);
});

test('per key result: status word, the KPI as the big number beside its target, the bar, owner, summary once', () => {
  render(<WallView model={model} width={1920} height={1080} />);
  const tiles = screen.getAllByTestId('okr-kr-summary');
  expect(tiles.map((tile) => tile.dataset.krId)).toEqual(['a', 'b']);
  expect(within(tiles[1]).getByTestId('okr-status-chip')).toHaveTextContent('At risk');
  expect(within(tiles[1]).getByTestId('okr-current')).toHaveTextContent('154');
  expect(within(tiles[1]).getByTestId('okr-kr-values')).toHaveTextContent('154/ 200');
  expect(within(tiles[1]).getByTestId('okr-progress-label')).toHaveTextContent('130% · pace 50%');
  expect(within(tiles[1]).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  expect(within(tiles[0]).getByTestId('okr-expected-tick')).toHaveStyle({ left: '50%' });
  expect(within(tiles[0]).getByTestId('okr-tile-aside')).toHaveTextContent('Ana');
  expect(tiles[1]).toHaveTextContent('Churn below 3%');
  expect(screen.getByTestId('okr-objective-progress')).toHaveTextContent('77%');
});

test.each`
  name                  | asOf                    | text
  ${'mid period'}       | ${undefined}            | ${'Q3 2026 · 47 days left'}
  ${'at the end'}       | ${Q3_END}               | ${'Q3 2026 · ended'}
  ${'before the start'} | ${Q3_START - 2.5 * DAY} | ${'Q3 2026 · starts in 3 days'}
`('$name: the header names the period and where it stands, once ("$text")', ({ asOf, text }) => {
  const kr = asOf === undefined ? keyResultModel() : keyResultModel({ asOf });
  render(
    <WallView
      model={panelModel([objectiveModel([kr, keyResultModel({ id: 'b', asOf: kr.asOf })])])}
      width={1920}
      height={1080}
    />
  );
  expect(screen.getByTestId('okr-wall-period')).toHaveTextContent(text);
});

test('a key result outside the period most share says its own period on its tile, with the owner', () => {
  const half = { start: Q3_START, end: Date.UTC(2027, 0, 1), label: '2026-H2' };
  const other = keyResultModel({ id: 'h2', owner: 'Ben', period: half });
  render(
    <WallView
      model={panelModel([objectiveModel([keyResultModel(), keyResultModel({ id: 'b' }), other])])}
      width={1920}
      height={1080}
    />
  );
  expect(screen.getByTestId('okr-wall-period')).toHaveTextContent('Q3 2026 · 47 days left');
  const tiles = screen.getAllByTestId('okr-tile-aside');
  expect(tiles.map((tile) => tile.textContent)).toEqual(['', '', 'H2 2026 · 139 days left · Ben']);
});

test('the header says "as of" the newest sample judged, in the dashboard time zone', () => {
  render(<WallView model={model} width={1920} height={1080} timeZone="utc" />);
  // testModels: daily samples from Jul 1, 46 of them → the last is Aug 15 00:00.
  expect(screen.getByTestId('okr-wall-as-of')).toHaveTextContent('as of Aug 15, 00:00');
});

test.each`
  label          | name
  ${'2026-Q3'}   | ${'Q3 2026'}
  ${'FY2027-H1'} | ${'H1 FY2027'}
  ${'2026'}      | ${'2026'}
  ${'2026-08'}   | ${'Aug 2026'}
  ${'2026-13'}   | ${'2026-13'}
  ${'a → b'}     | ${'a → b'}
`('period $label reads as $name', ({ label, name }) => {
  expect(periodName(label)).toBe(name);
});

test('16 key results at 600×400: pages that turn by themselves, "1/n" shown, every summary on the page', () => {
  jest.useFakeTimers();
  try {
    const wall = bigModel(4, 4);
    render(<WallView model={wall} width={600} height={400} pageSeconds={10} />);
    const pages = Number(screen.getByTestId('okr-wall').dataset.pages);
    expect(pages).toBeGreaterThan(1);
    expect(screen.getByTestId('okr-wall-page')).toHaveTextContent(`1/${pages}`);
    // Shown or not, every key result keeps its summary element: the render report lists them all.
    expect(screen.getAllByTestId('okr-kr-summary')).toHaveLength(16);
    const seen = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      expect(screen.getByTestId('okr-wall-page')).toHaveTextContent(`${page}/${pages}`);
      screen.getAllByTestId('okr-kr-title').forEach((title) => seen.add(title.textContent ?? ''));
      act(() => jest.advanceTimersByTime(10_000));
    }
    expect(seen.size).toBe(16);
    expect(screen.getByTestId('okr-wall-page')).toHaveTextContent(`1/${pages}`);
    expect(fontSize() * SMALLEST_TEXT_EM).toBeGreaterThanOrEqual(floorPx(400) - 0.05);
  } finally {
    jest.useRealTimers();
  }
});

test('500 key results: every one has its summary element, and no page number is shown twice', () => {
  render(<WallView model={bigModel(5, 100)} width={1920} height={1080} />);
  expect(screen.getAllByTestId('okr-kr-summary')).toHaveLength(500);
  expect(screen.getAllByTestId('okr-wall-page')).toHaveLength(1);
});

test('a 5,000-character objective title is one line: the key results still show', () => {
  const title = 'Objective '.repeat(500).trim();
  render(<WallView model={panelModel([objectiveModel([keyResultModel()], { title })])} width={1200} height={700} />);
  expect(screen.getByTestId('okr-kr-title')).toHaveTextContent('MRR to 200');
  expect(screen.getByTitle(title)).toBeInTheDocument();
});

test('objective messages are shown under its header, not dropped', () => {
  const objective = objectiveModel([], { messages: ['no key results: every row of query OKRS failed'] });
  render(<WallView model={panelModel([objective])} width={1200} height={700} />);
  expect(screen.getByTestId('okr-objective')).toHaveTextContent('every row of query OKRS failed');
});

test.each([...STATUS_WORST_FIRST])('%s reads as a word and an icon on a tinted tile', (status: KrStatus) => {
  render(<WallView model={panelModel([objectiveModel([keyResultModel({ status })])])} width={1200} height={700} />);
  const chip = within(screen.getByTestId('okr-kr-summary')).getByTestId('okr-status-chip');
  expect(chip).toHaveTextContent(STATUS_DISPLAY[status].label);
  expect(chip.querySelector(`[data-testid="${STATUS_DISPLAY[status].icon}"]`)).not.toBeNull();
});

test('an ongoing breach shows; a calm increase key result shows its forecast instead', () => {
  const breaching = keyResultModel({ id: 'hot', breachCount: 1, ongoingBreach: true });
  const forecast = {
    ok: true as const,
    value: 190,
    progress: 0.9,
    requiredPerDay: 1,
    slopePerMs: 0,
    intercept: 0,
    from: 0,
    to: 0,
    points: 46,
    residualStd: 0,
  };
  const calm = keyResultModel({ id: 'calm', forecast });
  render(<WallView model={panelModel([objectiveModel([breaching, calm])])} width={1200} height={700} />);
  const [hot, quiet] = screen.getAllByTestId('okr-kr-summary');
  expect(within(hot).getByTestId('okr-breach-ongoing')).toHaveTextContent('Breach ongoing');
  expect(within(quiet).queryByTestId('okr-breaches')).toBeNull();
  expect(within(quiet).getByTestId('okr-forecast')).toHaveTextContent('on course for 190 — 5% short; needs +1/day');
});

test('markup in a title stays text', () => {
  const xss = '<img src=x onerror=alert(1)>';
  const { container } = render(
    <WallView
      model={panelModel([objectiveModel([keyResultModel({ title: xss })], { title: xss })])}
      width={1200}
      height={700}
    />
  );
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getAllByText(xss)).toHaveLength(2);
});

test.each`
  name                            | wallModel
  ${'no objectives'}              | ${panelModel([])}
  ${'an objective without KRs'}   | ${panelModel([objectiveModel([])])}
  ${'a KR with nothing computed'} | ${panelModel([objectiveModel([emptyKeyResultModel()])])}
`('$name renders dashes', ({ wallModel }) => {
  render(<WallView model={wallModel} width={0} height={0} />);
  expect(screen.getByTestId('okr-wall')).toHaveTextContent('–');
});

test('a stay key result shows its value against the bound and the share of time within target as the bar', () => {
  const stay = keyResultModel({ id: 'stay', title: 'Errors below 1%', kind: 'stayBelow', progress: 0.94, target: 1 });
  const increase = keyResultModel({ id: 'up', title: 'MRR to 200', kind: 'increase', progress: 0.54 });
  render(<WallView model={panelModel([objectiveModel([stay, increase])])} width={1920} height={1080} />);
  const tiles = screen.getAllByTestId('okr-kr-summary');
  expect(within(tiles[0]).getByTestId('okr-kr-values')).toHaveTextContent('≤ 1');
  expect(within(tiles[0]).getByTestId('okr-progress-label')).toHaveTextContent('94% of time within target');
  expect(within(tiles[0]).queryByTestId('okr-expected-tick')).toBeNull();
  expect(within(tiles[1]).getByTestId('okr-progress-label')).not.toHaveTextContent('within target');
});
