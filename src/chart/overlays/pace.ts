import type uPlot from 'uplot';

import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { forEachKeyResult, formatValue, OverlayContext } from './overlayContext';

/**
 * draw hook: the expected pace from baseline to target through the milestones (a thin dashed polyline)
 * and the milestones themselves as diamonds with their values. stay* key results have no pace to draw.
 */
export function paceHook(context: OverlayContext) {
  const paceColor = context.theme.colors.text.secondary;

  return (u: uPlot) => {
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr, series) => {
        if (kr.pace.length < 2 || kr.kind.startsWith('stay') || !hasScale(u, series.scaleKey)) {
          return;
        }
        ctx.strokeStyle = paceColor;
        ctx.lineWidth = ratio;
        ctx.setLineDash([3 * ratio, 3 * ratio]);
        ctx.beginPath();
        kr.pace.forEach((vertex, index) => {
          const x = xPos(u, vertex.time);
          const y = yPos(u, vertex.value, series.scaleKey);
          if (index === 0) {
            ctx.moveTo(x, y);
          } else {
            ctx.lineTo(x, y);
          }
        });
        ctx.stroke();
        ctx.setLineDash([]);
        for (const milestone of kr.milestones) {
          const x = xPos(u, milestone.time);
          const y = yPos(u, milestone.value, series.scaleKey);
          drawDiamond(ctx, x, y, 5 * ratio, series.color);
          requestLabel(context, {
            text: formatValue(kr, milestone.value),
            x: x + 8 * ratio,
            y,
            align: 'left',
            baseline: 'middle',
            color: series.color,
            priority: LABEL_PRIORITY.milestone,
          });
        }
      });
    });
  };
}

function drawDiamond(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y - size);
  ctx.lineTo(x + size, y);
  ctx.lineTo(x, y + size);
  ctx.lineTo(x - size, y);
  ctx.closePath();
  ctx.fill();
}
