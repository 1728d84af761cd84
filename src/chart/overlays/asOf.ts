import type uPlot from 'uplot';

import { drawLabel, inPlotArea, pixelRatio, xPos } from './canvas';
import { OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

/**
 * draw hook: a vertical marker at the as-of time (min of period end, range end and now) of the key
 * results, when it falls inside the plot: the instant all the panel's numbers are computed for.
 */
export function asOfHook(context: OverlayContext) {
  const color = context.theme.colors.text.primary;
  const labelBackground = context.theme.colors.background.primary;
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
        drawLabel(ctx, 'as of', x - 4 * ratio, u.bbox.top + u.bbox.height - 4 * ratio, {
          color,
          background: labelBackground,
          align: 'right',
          baseline: 'bottom',
        });
      }
    });
  };
}
