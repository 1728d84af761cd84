import type uPlot from 'uplot';

import { pixelRatio } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { OverlayContext } from './overlayContext';

interface OffScaleMarker {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  context: OverlayContext;
  x: number;
  above: boolean;
  label: string;
  color: string;
}

/** A triangle at the plot's top or bottom edge pointing towards a value outside the axis, and its label. */
export function drawOffScaleMarker({ ctx, u, context, x, above, label, color }: OffScaleMarker): void {
  const ratio = pixelRatio();
  const size = 7 * ratio;
  const edge = above ? u.bbox.top + 2 * ratio : u.bbox.top + u.bbox.height - 2 * ratio;
  const markerX = x - 12 * ratio;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(markerX, edge);
  ctx.lineTo(markerX - size, edge + (above ? size : -size) * 1.4);
  ctx.lineTo(markerX + size, edge + (above ? size : -size) * 1.4);
  ctx.closePath();
  ctx.fill();
  requestLabel(context, {
    text: `${label} ${above ? '↑' : '↓'}`,
    x: markerX - size - 4 * ratio,
    y: edge,
    align: 'right',
    baseline: above ? 'top' : 'bottom',
    color,
    priority: LABEL_PRIORITY.offScale,
  });
}
