import { VizPanel } from '@grafana/scenes';

/** Resolves once Grafana has loaded the plugin into the VizPanel (its version set); rejects if loading failed. */
export function pluginLoaded(panel: VizPanel): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (panel.state._pluginLoadError) {
        subscription.unsubscribe();
        reject(new Error(`the panel plugin did not load: ${panel.state._pluginLoadError}`));
      } else if (panel.getPlugin() && panel.state.pluginVersion !== undefined) {
        subscription.unsubscribe();
        resolve();
      }
    };
    const subscription = panel.subscribeToState(check);
    check();
  });
}

/** Ready once every panel has its plugin and has drawn: three frames (React commits, uPlot draws). */
export async function panelsRendered(panels: VizPanel[]): Promise<void> {
  await Promise.all(panels.map(pluginLoaded));
  await animationFrames(3);
}

export function animationFrames(count: number): Promise<void> {
  return count <= 0
    ? Promise.resolve()
    : new Promise((resolve) => requestAnimationFrame(() => animationFrames(count - 1).then(resolve)));
}
