import type uPlot from 'uplot';

import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { OverlayContext } from './overlayContext';

/** The marker's radius in CSS px: larger than uPlot's points, so a check-in stands out on its line. */
export const CHECK_IN_RADIUS = 6;

/**
 * draw hook: each check-in as a ring on its key result's line at its time (chartModel places it), in the
 * line's colour with a background-coloured halo so it reads over the line and the shading; a check-in
 * before the line's first sample sits at the plot's foot. Its note, author, value and confidence are in the
 * chart tooltip (ChartTooltip, checkInsAt).
 */
export function checkInsHook(context: OverlayContext) {
  const halo = context.theme.colors.background.primary;
  return (u: uPlot) => {
    const ratio = pixelRatio();
    const radius = CHECK_IN_RADIUS * ratio;
    inPlotArea(u, (ctx) => {
      ctx.lineWidth = 2.5 * ratio;
      for (const series of context.getSeries()) {
        if (series.checkIns.length === 0 || !hasScale(u, series.scaleKey)) {
          continue;
        }
        for (const marker of series.checkIns) {
          const x = xPos(u, marker.time);
          const y =
            marker.value === null
              ? u.bbox.top + u.bbox.height - radius - ratio
              : yPos(u, marker.value, series.scaleKey);
          ctx.beginPath();
          ctx.arc(x, y, radius + ratio, 0, 2 * Math.PI);
          ctx.fillStyle = halo;
          ctx.fill();
          ctx.beginPath();
          ctx.arc(x, y, radius - ratio, 0, 2 * Math.PI);
          ctx.strokeStyle = series.color;
          ctx.stroke();
          ctx.fillStyle = halo;
          ctx.fill();
        }
      }
    });
  };
}
