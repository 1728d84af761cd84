import { DataFrame, LoadingState, PanelData } from '@grafana/data';
import { sceneGraph, SceneDataNode } from '@grafana/scenes';

/*
 * The panel's $data: the fixture's frames (or the demo's stream) as a query runner would hand them over.
 * A SceneDataNode's own data.timeRange wins over the scene's in VizPanel, so this node follows the scene's
 * time range: the time picker, zoom and refresh reach the panel as they do in Grafana.
 */
export class FixtureData extends SceneDataNode {
  public constructor(state: { data: PanelData }) {
    super(state);
    this.addActivationHandler(() => {
      const timeRange = sceneGraph.getTimeRange(this);
      const follow = () => this.setState({ data: { ...this.state.data, timeRange: timeRange.state.value } });
      follow();
      const subscription = timeRange.subscribeToState(follow);
      return () => subscription.unsubscribe();
    });
  }

  /** New frames, as a refresh delivers them (Done) or a live stream (Streaming: the panel header says so). */
  public setFrames(series: DataFrame[], state = LoadingState.Done) {
    this.setState({ data: { ...this.state.data, series, state } });
  }
}

export function fixtureData(series: DataFrame[], timeZone: string, annotations?: DataFrame[]): FixtureData {
  const data: PanelData = {
    state: LoadingState.Done,
    series,
    annotations,
    // Filled from the scene's time range on activation.
    timeRange: undefined as never,
    // VizPanel applies field config in the request's time zone, as Grafana's query runner sets it.
    request: { timezone: timeZone } as PanelData['request'],
  };
  return new FixtureData({ data });
}
