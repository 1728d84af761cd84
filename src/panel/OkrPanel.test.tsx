import { fireEvent, render, screen, within } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import React from 'react';

import {
  DataFrame,
  dataFrameFromJSON,
  DataFrameJSON,
  dateTime,
  EventBusSrv,
  LoadingState,
  PanelProps,
} from '@grafana/data';

import { DEFAULT_BREACH_OPTIONS, DEFAULT_TOLERANCES, OkrOptions, OPTIONS_SCHEMA_VERSION, ViewMode } from '../types';
import { OkrPanel } from './OkrPanel';

/*
 * When the panel falls back to Grafana's PanelDataErrorView and when the key results speak for themselves.
 * Only frames that draw no chart are used here (uPlot is the browser tests'); the messages' exact wording
 * is owned by src/okr/series.test.ts.
 */
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PanelDataErrorView: () => <div data-testid="panel-data-error">Grafana&apos;s data error view</div>,
}));

const FRAMES = path.resolve(__dirname, '../../tests/fixtures/frames');
/** 2025-06-01T00:00Z, where the project's frame corpus starts. */
const FROM = Date.UTC(2025, 5 /* Jun */, 1);
const TO = Date.UTC(2025, 6 /* Jul */, 1);

function corpus(file: string): DataFrame[] {
  const json: DataFrameJSON[] = JSON.parse(fs.readFileSync(path.join(FRAMES, file), 'utf8'));
  return json.map((frame) => dataFrameFromJSON(frame));
}

function options(series: string[], view: ViewMode = 'auto'): OkrOptions {
  return {
    schemaVersion: OPTIONS_SCHEMA_VERSION,
    fiscalYearStartMonth: 0,
    tolerances: DEFAULT_TOLERANCES,
    breaches: DEFAULT_BREACH_OPTIONS,
    view,
    objectives: [
      {
        title: 'Grow orders',
        keyResults: series.map((name) => ({
          title: `Track ${name}`,
          series: name,
          period: { from: '2025-06-01', to: '2025-07-01' },
          kind: 'increase' as const,
          target: 100,
        })),
      },
    ],
  };
}

interface PanelInput {
  frames: DataFrame[];
  options: OkrOptions;
  onOptionsChange?: jest.Mock;
  replaceVariables?: PanelProps['replaceVariables'];
}

function panelProps(input: PanelInput): PanelProps<OkrOptions> {
  const timeRange = { from: dateTime(FROM), to: dateTime(TO), raw: { from: 'now-30d', to: 'now' } };
  return {
    id: 1,
    data: { series: input.frames, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: input.options,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: 1200,
    height: 600,
    renderCounter: 0,
    title: 'OKR',
    eventBus: new EventBusSrv(),
    onOptionsChange: input.onOptionsChange ?? jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
    replaceVariables: input.replaceVariables ?? ((text: string) => text),
  };
}

function renderPanel(input: PanelInput) {
  return render(<OkrPanel {...panelProps(input)} />);
}

test.each`
  case                                             | file                         | series       | view       | message
  ${'numbers sent as text, a typo in series'}      | ${'numbers_as_strings.json'} | ${'valu'}    | ${'auto'}  | ${"series 'valu' not found; available: value"}
  ${'the same in the chart view'}                  | ${'numbers_as_strings.json'} | ${'valu'}    | ${'chart'} | ${"series 'valu' not found; available: value"}
  ${'a boolean field'}                             | ${'unusable_boolean.json'}   | ${'active'}  | ${'auto'}  | ${"series 'active' is a boolean field: only number fields (or numeric text) can be tracked"}
  ${'thousands separators'}                        | ${'unusable_thousands.json'} | ${'revenue'} | ${'chart'} | ${"series 'revenue' holds text such as '1,234.5', not numbers (thousands separators are not read)"}
  ${'no frames at all, with key results to judge'} | ${'empty_frame_list.json'}   | ${'orders'}  | ${'auto'}  | ${"series 'orders' not found: the query returned no data"}
`('$case: the key result says why ($view view), not Grafana', ({ file, series, view, message }) => {
  renderPanel({ frames: corpus(file), options: options([series], view) });
  expect(screen.queryByTestId('panel-data-error')).toBeNull();
  expect(screen.getByTestId('okr-panel')).toHaveAttribute('data-layout', view === 'chart' ? 'chart' : 'scorecard');
  expect(screen.getAllByTestId('okr-message').map((element) => element.textContent)).toContain(message);
});

test.each`
  case                      | file
  ${'no frames'}            | ${'empty_frame_list.json'}
  ${'a frame with no rows'} | ${'no_rows.json'}
`('$case and no key results configured: Grafana’s data error view', ({ file }) => {
  renderPanel({ frames: corpus(file), options: options([]) });
  expect(screen.getByTestId('panel-data-error')).toBeInTheDocument();
  expect(screen.queryByTestId('okr-panel')).toBeNull();
});

/*
 * With data and no key results the panel offers its series instead of a blank panel or Grafana's view.
 * Numbers sent as text count: the core reads them (src/okr/series.ts), so they can be tracked. What the
 * first key result holds (target from thresholds or +10%) is owned by src/editor/model/firstKeyResult.test.ts.
 */
test.each`
  case                      | file                               | names
  ${'numbers sent as text'} | ${'numbers_as_strings.json'}       | ${['value']}
  ${'Prometheus series'}    | ${'prometheus_matrix_labels.json'} | ${['eu', 'us', 'apac']}
`('$case and no key results configured: each series offered with "Track as key result"', ({ file, names }) => {
  const frames = corpus(file);
  renderPanel({ frames, options: options([]) });
  expect(screen.queryByTestId('panel-data-error')).toBeNull();
  const rows = within(screen.getByRole('list', { name: 'Series' })).getAllByRole('listitem');
  const buttons = screen.getAllByRole('button', { name: 'Track as key result' });
  expect(buttons).toHaveLength(rows.length);
  expect(rows.map((row) => row.textContent?.replace('Track as key result', ''))).toEqual(names);
  rows.forEach((row, index) => expect(buttons[index]).toHaveAccessibleDescription(row.firstChild?.textContent ?? ''));
});

test('clicking "Track as key result" saves the options with that series as the first key result', () => {
  const onOptionsChange = jest.fn();
  const before = { ...options([]), objectives: [] };
  renderPanel({ frames: corpus('numbers_as_strings.json'), options: before, onOptionsChange });
  fireEvent.click(screen.getByRole('button', { name: 'Track as key result', description: 'value' }));
  expect(onOptionsChange).toHaveBeenCalledTimes(1);
  expect(onOptionsChange).toHaveBeenCalledWith({
    ...before,
    objectives: [
      {
        title: 'Objectives',
        keyResults: [
          { id: 'kr-1', title: 'value', series: 'value', period: 'thisQuarter', kind: 'increase', target: '+10%' },
        ],
      },
    ],
  });
});

/*
 * Grafana and Scenes re-render a panel when a dashboard variable changes, but when the queries do not use
 * the variable they hand it the SAME options, data and replaceVariables objects: only the variable's value
 * behind replaceVariables changed. The key results must still say the new value.
 */
test('a variable change re-evaluates the key results even when options, data and replaceVariables are the same objects', () => {
  const variables: Record<string, string> = { team: 'Payments', goal: '100' };
  const replaceVariables = (text: string) =>
    text.replace(/\$(\w+)/g, (whole, name: string) => variables[name] ?? whole);
  const base = options(['value'], 'scorecard');
  const withVariables: OkrOptions = {
    ...base,
    objectives: [
      {
        ...base.objectives[0],
        keyResults: [{ ...base.objectives[0].keyResults[0], title: 'Orders for $team', target: '$goal' }],
      },
    ],
  };
  const props = panelProps({ frames: corpus('numbers_as_strings.json'), options: withVariables, replaceVariables });
  const { rerender } = render(<OkrPanel {...props} />);
  const summary = () => screen.getAllByTestId('okr-kr-summary')[0];
  expect(summary()).toHaveAttribute('data-title', 'Orders for Payments');
  expect(summary()).toHaveAttribute('data-target', '100');

  variables.team = 'Search';
  variables.goal = '250';
  rerender(<OkrPanel {...props} />);
  expect(summary()).toHaveAttribute('data-title', 'Orders for Search');
  expect(summary()).toHaveAttribute('data-target', '250');
});
