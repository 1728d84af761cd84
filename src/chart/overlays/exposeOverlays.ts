import type uPlot from 'uplot';

import { BreachLanes } from './breachLanes';
import { OverlayContext } from './overlayContext';

/**
 * draw hook, after the labels: the laid-out label boxes, the latest data they keep clear of and the breach
 * lanes, as JSON data attributes on the chart's root (CSS px from the canvas' top-left, like data-plot-left),
 * for browser tests and debugging. Written only when changed, so a redraw invalidates no style.
 */
export function exposeOverlaysHook(context: OverlayContext, lanes: BreachLanes) {
  return (u: uPlot) => {
    const dataset = u.root.dataset;
    const attributes = {
      labels: JSON.stringify(context.placedLabels),
      latestData: JSON.stringify(context.latestData),
      breachLanes: JSON.stringify(lanes.drawn()),
    };
    for (const [key, value] of Object.entries(attributes)) {
      if (dataset[key] !== value) {
        dataset[key] = value;
      }
    }
  };
}
