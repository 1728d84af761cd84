import { PanelOptionsEditorBuilder } from '@grafana/data';

import {
  DEFAULT_BREACH_OPTIONS,
  DEFAULT_TOLERANCES,
  DEFAULT_WALL_OPTIONS,
  OkrOptions,
  OPTIONS_SCHEMA_VERSION,
} from '../types';
import { CHECK_IN_QUERY_LABEL, CheckInQueryEditor } from './CheckInQueryEditor';
import { ObjectivesEditor } from './ObjectivesEditor';
import { OkrQueryEditor } from './OkrQueryEditor';
import { TolerancesEditor } from './TolerancesEditor';

const OKR_CATEGORY = ['OKR'];
const STATUS_CATEGORY = ['Status'];
const BREACH_CATEGORY = ['Breaches'];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The panel's options editor; each category is declared once and the defaults live here. */
export function buildPanelOptions(builder: PanelOptionsEditorBuilder<OkrOptions>) {
  addOkrOptions(builder);
  addStatusOptions(builder);
  addBreachOptions(builder);
}

function addOkrOptions(builder: PanelOptionsEditorBuilder<OkrOptions>) {
  builder
    .addCustomEditor({
      id: 'objectives',
      path: 'objectives',
      name: 'Objectives and key results',
      description:
        'Each objective with its key results; "Edit as JSON" shows them as JSON (see the README for every field).',
      category: OKR_CATEGORY,
      editor: ObjectivesEditor,
      defaultValue: [],
    })
    .addCustomEditor({
      id: 'okrQuery',
      path: 'okrQuery',
      name: 'Key results from a query',
      description:
        'A query whose table rows are key results (columns objective, key_result, series, period, kind, target, …), added to the ones above; its frames are not drawn as KPIs.',
      category: OKR_CATEGORY,
      editor: OkrQueryEditor,
    })
    .addCustomEditor({
      id: 'checkInQuery',
      path: 'checkInQuery',
      name: CHECK_IN_QUERY_LABEL,
      description:
        'The query whose table holds check-ins: time, key_result (id or title), and any of value, confidence, note, author. Its rows are not KPI series; a key result with no series takes its value from them.',
      category: OKR_CATEGORY,
      editor: CheckInQueryEditor,
    })
    .addSelect({
      path: 'fiscalYearStartMonth',
      name: 'Fiscal year start month',
      description: 'The month fiscal Q1 starts in; quarters such as "2026-Q3" follow it.',
      category: OKR_CATEGORY,
      defaultValue: 0,
      settings: { options: MONTHS.map((label, value) => ({ label, value })) },
    })
    .addRadio({
      path: 'view',
      name: 'View',
      category: OKR_CATEGORY,
      defaultValue: 'auto',
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'chart', label: 'Chart' },
          { value: 'scorecard', label: 'Scorecard' },
          { value: 'wall', label: 'Wall' },
        ],
      },
    })
    .addRadio({
      path: 'chart.layout',
      name: 'Chart layout',
      description:
        'Shared: one chart, an axis per unit. One per key result: a small chart each, stacked on one time axis. Auto: one per key result when their units differ.',
      category: OKR_CATEGORY,
      defaultValue: 'auto',
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'shared', label: 'Shared' },
          { value: 'perKeyResult', label: 'One per key result' },
        ],
      },
      showIf: (options) => options.view !== 'scorecard' && options.view !== 'wall',
    })
    .addNumberInput({
      path: 'wall.pageSeconds',
      name: 'Wall page interval (seconds)',
      description:
        'When the key results need more than one page of the wall view (type never under its legibility floor), each page shows this long.',
      category: OKR_CATEGORY,
      defaultValue: DEFAULT_WALL_OPTIONS.pageSeconds,
      settings: { min: 1, integer: true },
      showIf: (options) => options.view === 'wall' || options.view === 'auto',
    })
    .addNumberInput({
      path: 'schemaVersion',
      name: 'Options schema version',
      category: OKR_CATEGORY,
      defaultValue: OPTIONS_SCHEMA_VERSION,
      showIf: () => false,
    });
}

function addStatusOptions(builder: PanelOptionsEditorBuilder<OkrOptions>) {
  builder.addCustomEditor({
    id: 'tolerances',
    path: 'tolerances',
    name: 'Status tolerances',
    description: 'How far behind the expected progress, in percentage points, a key result is at risk or off track.',
    category: STATUS_CATEGORY,
    editor: TolerancesEditor,
    defaultValue: DEFAULT_TOLERANCES,
  });
}

/** Which side of a series' thresholds is a breach is set per series: see fieldConfig.ts. */
function addBreachOptions(builder: PanelOptionsEditorBuilder<OkrOptions>) {
  builder.addNumberInput({
    path: 'breaches.minDurationSeconds',
    name: 'Ignore breaches shorter than (seconds)',
    category: BREACH_CATEGORY,
    defaultValue: DEFAULT_BREACH_OPTIONS.minDurationSeconds,
    settings: { min: 0, integer: true },
  });
}
