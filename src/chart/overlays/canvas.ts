import type uPlot from 'uplot';

/** Small canvas helpers shared by the overlay hooks; positions are canvas pixels (uPlot's `true` flag). */

export function pixelRatio(): number {
  return typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
}

/** Runs `draw` clipped to the plot area with the canvas state saved and restored around it. */
export function inPlotArea(u: uPlot, draw: (ctx: CanvasRenderingContext2D) => void): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  draw(ctx);
  ctx.restore();
}

export function xPos(u: uPlot, time: number): number {
  return u.valToPos(time, 'x', true);
}

export function yPos(u: uPlot, value: number, scaleKey: string): number {
  return u.valToPos(value, scaleKey, true);
}

/** Whether a scale has been ranged (hooks can run before the first data arrives). */
export function hasScale(u: uPlot, scaleKey: string): boolean {
  const scale = u.scales[scaleKey];
  return scale !== undefined && scale.min != null && scale.max != null;
}

export interface LabelStyle {
  color: string;
  background: string;
  align: CanvasTextAlign;
  baseline: CanvasTextBaseline;
}

/** A short text on a rounded backdrop, so it stays legible over lines and shading. */
export function drawLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, style: LabelStyle): void {
  const ratio = pixelRatio();
  ctx.font = `${12 * ratio}px Inter, Helvetica, Arial, sans-serif`;
  ctx.textAlign = style.align;
  ctx.textBaseline = style.baseline;
  const width = ctx.measureText(text).width;
  const pad = 3 * ratio;
  const height = 16 * ratio;
  const left = style.align === 'right' ? x - width : style.align === 'center' ? x - width / 2 : x;
  const top = style.baseline === 'bottom' ? y - height : style.baseline === 'middle' ? y - height / 2 : y;
  ctx.fillStyle = style.background;
  ctx.beginPath();
  ctx.roundRect(left - pad, top, width + 2 * pad, height, 2 * ratio);
  ctx.fill();
  ctx.fillStyle = style.color;
  ctx.fillText(text, x, style.baseline === 'bottom' ? y - 2 * ratio : style.baseline === 'top' ? y + 2 * ratio : y);
}

interface OffScaleMarker {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  x: number;
  above: boolean;
  label: string;
  color: string;
  background: string;
}

/** A triangle at the plot's top or bottom edge pointing towards a value outside the axis, with its label. */
export function drawOffScaleMarker({ ctx, u, x, above, label, color, background }: OffScaleMarker): void {
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
  drawLabel(ctx, `${label} ${above ? '↑' : '↓'}`, markerX - size - 4 * ratio, edge + (above ? 0 : -0), {
    color,
    background,
    align: 'right',
    baseline: above ? 'top' : 'bottom',
  });
}
