import { LoadingState } from '@grafana/data';
import {
  CustomVariable,
  EmbeddedScene,
  SceneGridItem,
  SceneGridLayout,
  SceneGridRow,
  SceneObject,
  SceneTimeRange,
  SceneVariableSet,
  VizPanel,
} from '@grafana/scenes';

import { startDemoStream } from './demo';
import { currentQuarter, REGIONS } from './demoKpis';
import { analystPanel, DemoPanel, opsPanels, wallPanel } from './demoPanels';
import { dashboardControls } from './dashboardControls';
import { fixtureData, FixtureData } from './FixtureData';
import { panelsRendered } from './panelReady';
import { PanelWithOptions } from './PanelWithOptions';

/*
 * The demo dashboard (?demo, `npm run demo`): the plugin as a user meets it in Grafana. A dashboard on the
 * current quarter with a region variable, a time picker, a refresh picker and a shared crosshair; one row per
 * audience: Ops (live charts with breaches), Executive wall (the wall view across the screen) and Analyst (a
 * panel with its options pane). Every panel has its own $data, all fed by one live stream (demo.ts).
 */

/** Grafana's grid: 24 columns, rows of 30 px with 8 px between them. */
const GRID_ROW = 30 + 8;

export function buildDemoDashboard(pluginId: string, now: number) {
  const quarter = currentQuarter(now);
  const panels: VizPanel[] = [];
  const feeds: FixtureData[] = [];
  const vizPanel = (definition: DemoPanel) => {
    const data = fixtureData([], 'utc');
    const panel = new VizPanel({
      key: definition.key,
      pluginId,
      title: definition.title,
      description: definition.description,
      options: definition.options,
      fieldConfig: { defaults: {}, overrides: [] },
      $data: data,
    });
    panels.push(panel);
    feeds.push(data);
    return panel;
  };
  const ops = opsPanels().map(vizPanel);
  const wall = vizPanel(wallPanel());
  const analyst = vizPanel(analystPanel(quarter));

  const scene = new EmbeddedScene({
    // The current quarter, as Grafana's "This fiscal quarter" (now/fQ): the key results' "thisQuarter".
    $timeRange: new SceneTimeRange({ from: 'now/fQ', to: 'now/fQ', timeZone: 'utc', fiscalYearStartMonth: 0 }),
    $variables: new SceneVariableSet({
      variables: [
        new CustomVariable({
          name: 'region',
          label: 'Region',
          query: REGIONS.map((region) => `${region.text} : ${region.name}`).join(', '),
          value: REGIONS[0].name,
          text: REGIONS[0].text,
        }),
      ],
    }),
    ...dashboardControls(),
    body: new SceneGridLayout({
      isDraggable: false,
      isResizable: false,
      children: [
        row('Ops', 0, [...ops.map((panel, index) => item(panel, { x: 8 * index, y: 1, width: 8, height: 12 }))]),
        row('Executive wall', 13, [item(wall, { x: 0, y: 14, width: 24, height: wallHeight() })]),
        row('Analyst', 14 + wallHeight(), [
          item(new PanelWithOptions({ key: 'analyst-with-options', panel: analyst }), {
            x: 0,
            y: 15 + wallHeight(),
            width: 24,
            height: 17,
          }),
        ]),
      ],
    }),
  });

  scene.addActivationHandler(() =>
    startDemoStream((frames) => feeds.forEach((data) => data.setFrames(frames, LoadingState.Streaming)))
  );
  return { scene, ready: () => panelsRendered(panels) };
}

function row(title: string, y: number, children: SceneGridItem[]): SceneGridRow {
  return new SceneGridRow({ key: `row-${title}`, title, y, children });
}

function item(body: SceneObject, size: { x: number; y: number; width: number; height: number }): SceneGridItem {
  return new SceneGridItem({ key: `item-${body.state.key}`, body, ...size });
}

/** The wall panel fills the window below its row header, as a TV dashboard in kiosk mode fills the screen. */
function wallHeight(): number {
  return Math.max(12, Math.floor((window.innerHeight - GRID_ROW) / GRID_ROW));
}
