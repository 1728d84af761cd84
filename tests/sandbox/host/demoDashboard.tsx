import {
  EmbeddedScene,
  SceneFlexItem,
  SceneFlexLayout,
  SceneTimePicker,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';

import { startDemoStream } from './demo';
import { currentQuarter } from './demoKpis';
import { fixtureData } from './FixtureData';

/** The demo dashboard (?demo): placeholder being replaced by the full dashboard. */
export function buildDemoDashboard(pluginId: string, now: number) {
  const quarter = currentQuarter(now);
  const data = fixtureData([], 'utc');
  const panel = new VizPanel({ pluginId, title: 'KPIs', options: {}, $data: data });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({
      from: new Date(quarter.start).toISOString(),
      to: new Date(quarter.end).toISOString(),
      timeZone: 'utc',
    }),
    controls: [new SceneTimePicker({})],
    body: new SceneFlexLayout({ children: [new SceneFlexItem({ height: 560, body: panel })] }),
  });
  scene.addActivationHandler(() => startDemoStream((frames) => data.setFrames(frames)));
  return { scene, ready: () => Promise.resolve() };
}
