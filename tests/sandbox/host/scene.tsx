import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import {
  EmbeddedScene,
  SceneComponentProps,
  SceneFlexItem,
  SceneFlexLayout,
  sceneGraph,
  SceneObjectBase,
  SceneObjectState,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { dashboardControls } from './dashboardControls';
import { fixtureData, FixtureData } from './FixtureData';
import { framesFromJson, PanelFixture, timePickerText } from './fixture';
import { OptionsPane } from './OptionsPane';
import { fixtureVariables } from './variables';

/*
 * A fixture as a one-panel dashboard in Grafana's own dashboard framework: a VizPanel of our plugin in an
 * EmbeddedScene with the fixture's time range (and a time picker), its variables, its frames as $data and
 * the crosshair shared as a dashboard with "shared crosshair" does.
 */

export interface FixtureScene {
  scene: EmbeddedScene;
  panel: VizPanel;
  data: FixtureData;
  timeRange: SceneTimeRange;
}

export function buildFixtureScene(fixture: PanelFixture, pluginId: string, showEditor: boolean): FixtureScene {
  const timeZone = fixture.timeZone ?? 'browser';
  const timeRange = new SceneTimeRange({
    from: timePickerText(fixture.timeRange.from),
    to: timePickerText(fixture.timeRange.to),
    timeZone,
  });
  const data = fixtureData(
    framesFromJson(fixture.frames),
    timeZone,
    fixture.annotations ? framesFromJson(fixture.annotations) : undefined
  );
  const panel = new VizPanel({
    key: 'panel-1',
    pluginId,
    title: fixture.title ?? '',
    // Grafana shows the header only on hover when a panel has no title.
    hoverHeader: !fixture.title,
    pluginVersion: fixture.pluginVersion,
    options: structuredClone(fixture.options),
    fieldConfig: structuredClone(fixture.fieldConfig ?? { defaults: {}, overrides: [] }),
    $data: data,
  });
  const children = [
    new SceneFlexItem({
      width: 'auto',
      body: new PanelFrame({
        panel,
        width: fixture.width ?? 1000,
        height: fixture.height ?? 500,
        titled: !!fixture.title,
      }),
    }),
  ];
  if (showEditor) {
    children.push(new SceneFlexItem({ width: 420, body: new OptionsPane({ panel }) }));
  }
  const scene = new EmbeddedScene({
    $timeRange: timeRange,
    $variables: fixtureVariables(fixture.variables),
    ...dashboardControls(),
    body: new SceneFlexLayout({ direction: 'row', children }),
  });
  return { scene, panel, data, timeRange };
}

interface PanelFrameState extends SceneObjectState {
  panel: VizPanel;
  /** The plugin's content size: the frame adds Grafana's panel chrome around it. */
  width: number;
  height: number;
  titled: boolean;
}

/** The panel's place on the page: sized so the plugin gets the fixture's width × height inside the chrome. */
export class PanelFrame extends SceneObjectBase<PanelFrameState> {
  public static Component = PanelFrameRenderer;
}

function PanelFrameRenderer({ model }: SceneComponentProps<PanelFrame>) {
  const { panel, width, height, titled } = model.useState();
  const range = sceneGraph.getTimeRange(model).useState().value;
  const styles = useStyles2(getStyles);
  const chrome = chromeSize(useTheme2());
  return (
    <div
      className={styles.frame}
      style={{ width: width + chrome.width, height: height + chrome.height + (titled ? chrome.header : 0) }}
      data-testid="sandbox-panel"
      data-time-from={range.from.valueOf()}
      data-time-to={range.to.valueOf()}
    >
      <panel.Component model={panel} />
    </div>
  );
}

/** Grafana's PanelChrome around the content: padding on each side, a 1px border, and the header when titled. */
const chromeSize = (theme: GrafanaTheme2) => {
  const padding = theme.spacing.gridSize * theme.components.panel.padding;
  return {
    width: 2 * padding + 2,
    height: 2 * padding + 2,
    header: theme.spacing.gridSize * theme.components.panel.headerHeight,
  };
};

const getStyles = () => ({
  frame: css({ position: 'relative', flex: 'none' }),
});
