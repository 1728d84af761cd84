import type uPlot from 'uplot';

import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { drawOffScaleMarker } from './offScaleMarker';
import { forEachKeyResult, formatValue, OverlayContext } from './overlayContext';
import { drawTargetSteps } from './targetSteps';

/**
 * draw hook: each key result's target across its period (dashed, labelled), the good band of a
 * stayWithin key result, and an edge marker for a target too far off the data's scale to include. A
 * target that changes over time is drawn as steps (see drawTargetSteps).
 */
export function targetsHook(context: OverlayContext) {
  const { theme } = context;

  return (u: uPlot) => {
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr, series) => {
        if (kr.targetSteps.length > 0 && kr.period && hasScale(u, series.scaleKey)) {
          drawTargetSteps({ ctx, u, kr, series, context });
          return;
        }
        if (kr.target === null || !kr.period || !hasScale(u, series.scaleKey)) {
          return;
        }
        const left = Math.max(xPos(u, kr.period.start), u.bbox.left);
        const right = Math.min(xPos(u, kr.period.end), u.bbox.left + u.bbox.width);
        const offScale = context.offScale.get(series.scaleKey) ?? [];
        const bounds = kr.kind === 'stayWithin' && kr.targetMax !== null ? [kr.target, kr.targetMax] : [kr.target];
        if (bounds.length === 2 && !offScale.includes(bounds[0]) && !offScale.includes(bounds[1])) {
          const top = yPos(u, bounds[1], series.scaleKey);
          const bottom = yPos(u, bounds[0], series.scaleKey);
          ctx.fillStyle = theme.colors.success.transparent;
          ctx.fillRect(left, top, right - left, bottom - top);
        }
        ctx.strokeStyle = series.color;
        ctx.lineWidth = 1.5 * ratio;
        ctx.setLineDash([8 * ratio, 4 * ratio]);
        for (const bound of bounds) {
          const label = `${bounds.length === 2 && bound === bounds[1] ? 'Max' : 'Target'} ${formatValue(kr, bound)}`;
          if (offScale.includes(bound)) {
            drawOffScaleMarker({
              ctx,
              u,
              context,
              x: right,
              above: bound > (u.scales[series.scaleKey].max ?? 0),
              label,
              color: series.color,
            });
            continue;
          }
          const y = yPos(u, bound, series.scaleKey);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(right, y);
          ctx.stroke();
          requestLabel(context, {
            text: label,
            x: right - 4 * ratio,
            y: y - 2 * ratio,
            align: 'right',
            baseline: 'bottom',
            color: series.color,
            priority: LABEL_PRIORITY.target,
          });
        }
        ctx.setLineDash([]);
      });
    });
  };
}
