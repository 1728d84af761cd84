import type uPlot from 'uplot';

import { drawLabel, inPlotArea, pixelRatio, xPos } from './canvas';
import { OverlayContext } from './overlayContext';

/**
 * drawClear hook: each distinct key-result period (a quarter) as a faint band with its label, under the
 * series, so the reader sees where the quarter starts and ends.
 */
export function periodBandsHook(context: OverlayContext) {
  const fill = context.theme.colors.action.hover;
  const edge = context.theme.colors.border.medium;
  const labelColor = context.theme.colors.text.secondary;
  const labelBackground = context.theme.colors.background.primary;

  return (u: uPlot) => {
    const periods = new Map<string, { start: number; end: number; label: string }>();
    for (const series of context.getSeries()) {
      for (const kr of series.keyResults) {
        if (kr.period) {
          periods.set(`${kr.period.start}|${kr.period.end}`, kr.period);
        }
      }
    }
    if (periods.size === 0) {
      return;
    }
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      for (const period of periods.values()) {
        const left = xPos(u, period.start);
        const right = xPos(u, period.end);
        ctx.fillStyle = fill;
        ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
        ctx.strokeStyle = edge;
        ctx.lineWidth = ratio;
        ctx.beginPath();
        ctx.moveTo(left, u.bbox.top);
        ctx.lineTo(left, u.bbox.top + u.bbox.height);
        ctx.moveTo(right, u.bbox.top);
        ctx.lineTo(right, u.bbox.top + u.bbox.height);
        ctx.stroke();
        const labelX = Math.max(left, u.bbox.left) + 4 * ratio;
        drawLabel(ctx, period.label, labelX, u.bbox.top + 2 * ratio, {
          color: labelColor,
          background: labelBackground,
          align: 'left',
          baseline: 'top',
        });
      }
    });
  };
}
