import { DashboardCursorSync } from '@grafana/data';
import {
  behaviors,
  SceneControlsSpacer,
  SceneRefreshPicker,
  SceneTimePicker,
  VariableValueSelectors,
} from '@grafana/scenes';

/**
 * What a Grafana dashboard puts around its panels, for both hosted scenes (a fixture's and the demo's):
 * the shared crosshair (cursor sync) and the controls row — variables, time picker, refresh picker.
 */
export function dashboardControls() {
  return {
    $behaviors: [new behaviors.CursorSync({ sync: DashboardCursorSync.Crosshair })],
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
    ],
  };
}
