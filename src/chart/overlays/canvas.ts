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
