/**
 * The latest check-in in the scorecard, on the wall and in the summary attributes. Which check-in is the
 * latest (and which confidence and note) is the core's (src/okr/checkIns.test.ts); here it is shown.
 */
import { render, screen, within } from '@testing-library/react';
import React from 'react';

import { LatestCheckIn } from '../okr';
import { formatCheckIn } from '../display/labels';
import { Scorecard } from './Scorecard';
import { DAY, keyResultModel, MID_Q3, objectiveModel, panelModel, Q3_START } from '../display/testModels';
import { WallView } from './WallView';

const JUL_20 = Q3_START + 19 * DAY;
const XSS = '<img src=x onerror=alert(1)>';

const latest = (overrides: Partial<LatestCheckIn> = {}): LatestCheckIn => ({
  time: MID_Q3 - DAY,
  count: 3,
  confidence: 0.8,
  confidenceTime: MID_Q3 - DAY,
  note: 'signed ACME',
  author: 'Ana',
  noteTime: JUL_20,
  ...overrides,
});

describe('formatCheckIn', () => {
  test.each`
    given                                                                      | confidence          | note
    ${null}                                                                    | ${null}             | ${null}
    ${latest()}                                                                | ${'Confidence 80%'} | ${'“signed ACME” — Ana, Jul 20'}
    ${latest({ author: null })}                                                | ${'Confidence 80%'} | ${'“signed ACME” — Jul 20'}
    ${latest({ confidence: null, note: null, noteTime: null, author: 'Ben' })} | ${null}             | ${'checked in Aug 14 by Ben'}
    ${latest({ note: null, noteTime: null, author: null })}                    | ${'Confidence 80%'} | ${'checked in Aug 14'}
  `('$given → $confidence · $note', ({ given, confidence, note }) => {
    expect(formatCheckIn(given, 'utc')).toEqual({ confidence, note });
  });

  test('days are in the dashboard’s time zone', () => {
    const lateEvening = latest({ noteTime: Date.UTC(2026, 6, 20, 23) });
    expect(formatCheckIn(lateEvening, 'Asia/Tokyo').note).toBe('“signed ACME” — Ana, Jul 21');
  });
});

describe('the latest check-in in the views', () => {
  const kr = keyResultModel({ manual: true, latestCheckIn: latest({ note: XSS }) });
  const model = panelModel([objectiveModel([kr, keyResultModel({ id: 'plain', title: 'No check-ins' })])]);

  test('the scorecard row shows confidence and note (as text) under the title; a row without check-ins shows none', () => {
    render(<Scorecard model={model} width={1200} height={600} timeZone="utc" />);
    const [first, second] = screen.getAllByTestId('okr-kr-summary');
    expect(within(first).getByTestId('okr-check-in')).toHaveTextContent(`Confidence 80% · “${XSS}” — Ana, Jul 20`);
    expect(first.querySelector('img')).toBeNull();
    expect(within(second).queryByTestId('okr-check-in')).toBeNull();
  });

  test('the wall shows the confidence and the note (as text) on the tile’s last line', () => {
    render(<WallView model={model} width={1920} height={1080} timeZone="utc" />);
    const [first, second] = screen.getAllByTestId('okr-kr-summary');
    expect(within(first).getByTestId('okr-check-in')).toHaveTextContent(`Confidence 80% · “${XSS}” — Ana, Jul 20`);
    expect(first.querySelector('img')).toBeNull();
    expect(within(second).queryByTestId('okr-check-in')).toBeNull();
  });

  test('summary attributes carry the latest check-in; a key result without one has them empty', () => {
    render(<Scorecard model={model} width={1200} height={600} />);
    const [first, second] = screen.getAllByTestId('okr-kr-summary');
    expect(first.dataset).toEqual(
      expect.objectContaining({
        manual: 'true',
        checkInCount: '3',
        checkInTime: String(MID_Q3 - DAY),
        confidence: '0.8',
        checkInNote: XSS,
        checkInAuthor: 'Ana',
        // The attributes that were there before are unchanged.
        progress: '0.54',
        current: '154',
      })
    );
    expect(second.dataset).toEqual(
      expect.objectContaining({
        manual: 'false',
        checkInCount: '0',
        checkInTime: '',
        confidence: '',
        checkInNote: '',
        checkInAuthor: '',
      })
    );
  });
});
