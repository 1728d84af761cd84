import type uPlot from 'uplot';

import { inPlotArea, pixelRatio, xPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

/**
 * draw hook: a vertical marker at the as-of time (min of period end, range end and now) of the key
 * results, when it falls inside the plot: the instant all the panel's numbers are computed for.
 */
export function asOfHook(context: OverlayContext) {
  const color = context.theme.colors.text.primary;
  return (u: uPlot) => {
    const times = seriesOverlays(context).asOfTimes;
    if (times.length === 0) {
      return;
    }
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      for (const time of times) {
        const x = xPos(u, time);
        ctx.strokeStyle = color;
        ctx.lineWidth = ratio;
        ctx.setLineDash([2 * ratio, 2 * ratio]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.setLineDash([]);
        requestLabel(context, {
          text: 'as of',
          x: x - 4 * ratio,
          y: u.bbox.top + u.bbox.height - 4 * ratio,
          align: 'right',
          baseline: 'bottom',
          color,
          priority: LABEL_PRIORITY.asOf,
        });
      }
    });
  };
}
