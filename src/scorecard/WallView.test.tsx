import { render, screen, within } from '@testing-library/react';
import React from 'react';

import { STATUS_DISPLAY } from '../components/status';
import { KrStatus, STATUS_WORST_FIRST } from '../okr';
import { DAY, emptyKeyResultModel, keyResultModel, objectiveModel, panelModel, Q3_END, Q3_START } from './testModels';
import { WallView } from './WallView';

const model = panelModel([
  objectiveModel(
    [
      keyResultModel({ id: 'a' }),
      keyResultModel({ id: 'b', title: 'Churn below 3%', status: 'atRisk', progress: 1.3 }),
    ],
    {
      progress: 0.77,
      status: 'atRisk',
    }
  ),
]);

function fontSizeAt(width: number, height: number): number {
  const { unmount } = render(<WallView model={model} width={width} height={height} />);
  const size = parseFloat(screen.getByTestId('okr-wall').style.fontSize);
  unmount();
  return size;
}

test('type grows with the panel', () => {
  const small = fontSizeAt(480, 270);
  const tv = fontSizeAt(1920, 1080);
  expect(tv).toBeGreaterThan(small);
  expect(tv).toBeGreaterThanOrEqual(40);
});

test('per key result: chip, big progress number, title and current / target, summary attributes once', () => {
  render(<WallView model={model} width={1920} height={1080} />);
  const tiles = screen.getAllByTestId('okr-kr-summary');
  expect(tiles.map((tile) => tile.dataset.krId)).toEqual(['a', 'b']);
  expect(within(tiles[1]).getByTestId('okr-status-chip')).toHaveTextContent('At risk');
  expect(within(tiles[1]).getByTestId('okr-progress-label')).toHaveTextContent('130%');
  expect(within(tiles[1]).getByTestId('okr-kr-values')).toHaveTextContent('154 / 200');
  expect(tiles[1]).toHaveTextContent('Churn below 3%');
  expect(screen.getByTestId('okr-objective-progress')).toHaveTextContent('77%');
});

test.each`
  name                  | asOf                    | text
  ${'mid period'}       | ${undefined}            | ${'47 days left'}
  ${'at the end'}       | ${Q3_END}               | ${'ended'}
  ${'before the start'} | ${Q3_START - 2.5 * DAY} | ${'starts in 3 days'}
  ${'without an as-of'} | ${null}                 | ${'–'}
`('$name: each tile says where it stands in its period as the scorecard does ("$text")', ({ asOf, text }) => {
  const kr = asOf === undefined ? keyResultModel() : keyResultModel({ asOf });
  render(<WallView model={panelModel([objectiveModel([kr])])} width={1920} height={1080} />);
  const tile = screen.getByTestId('okr-kr-summary');
  expect(within(tile).getByTestId('okr-days-left')).toHaveTextContent(text);
});

test('a long title is rendered whole, and the type shrinks to make room for its extra lines', () => {
  const title = 'Checkout error rate below 1% on every payment provider, web and mobile, through the holiday peak';
  const shortTitles = panelModel([objectiveModel([keyResultModel({ id: 'a' }), keyResultModel({ id: 'b' })])]);
  const longTitle = panelModel([objectiveModel([keyResultModel({ id: 'a' }), keyResultModel({ id: 'b', title })])]);
  const fontSize = () => parseFloat(screen.getByTestId('okr-wall').style.fontSize);
  const { rerender } = render(<WallView model={shortTitles} width={1920} height={300} />);
  const short = fontSize();
  rerender(<WallView model={longTitle} width={1920} height={300} />);
  expect(fontSize()).toBeLessThan(short);
  expect(screen.getByText(title)).toBeInTheDocument();
});

test.each([...STATUS_WORST_FIRST])('%s reads as a word and an icon', (status: KrStatus) => {
  render(<WallView model={panelModel([objectiveModel([keyResultModel({ status })])])} width={1200} height={700} />);
  const chip = within(screen.getByTestId('okr-kr-summary')).getByTestId('okr-status-chip');
  expect(chip).toHaveTextContent(STATUS_DISPLAY[status].label);
  expect(chip.querySelector(`[data-testid="${STATUS_DISPLAY[status].icon}"]`)).not.toBeNull();
});

test('shows an ongoing breach and stays quiet when there is none', () => {
  const breaching = keyResultModel({ id: 'hot', breachCount: 1, ongoingBreach: true });
  const calm = keyResultModel({ id: 'calm' });
  render(<WallView model={panelModel([objectiveModel([breaching, calm])])} width={1200} height={700} />);
  const [hot, quiet] = screen.getAllByTestId('okr-kr-summary');
  expect(within(hot).getByTestId('okr-breach-ongoing')).toHaveTextContent('Breach ongoing');
  expect(within(quiet).queryByTestId('okr-breaches')).toBeNull();
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

test('a stay key result says its percentage is the share of time within target; an increase does not', () => {
  const stay = keyResultModel({ id: 'stay', title: 'Errors below 1%', kind: 'stayBelow', progress: 0.94 });
  const increase = keyResultModel({ id: 'up', title: 'MRR to 200', kind: 'increase', progress: 0.54 });
  render(<WallView model={panelModel([objectiveModel([stay, increase])])} width={1920} height={1080} />);
  const tiles = screen.getAllByTestId('okr-kr-summary');
  expect(within(tiles[0]).getByText('94%')).toBeTruthy();
  expect(within(tiles[0]).queryByText('of the time within target')).not.toBeNull();
  expect(within(tiles[1]).queryByText('of the time within target')).toBeNull();
});
