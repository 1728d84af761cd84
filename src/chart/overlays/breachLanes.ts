import type uPlot from 'uplot';

import { colorManipulator, GrafanaTheme2 } from '@grafana/data';

import { addSpanRects } from './breachSpans';
import { pixelRatio } from './canvas';
import { OverlayContext } from './overlayContext';
import { BreachLane, seriesOverlays } from './overlayData';

/**
 * Breach lanes: under the chart's time axis, one thin lane per key result that has breaches, so a reader can
 * tell which key result breached and how badly without telling colours apart. A lane starts with a marker in
 * the key result's line colour; a warning breach is a solid bar, a critical one a bar hatched with diagonal
 * stripes (in the theme's warning and error colours, each kept at 3:1 or more against the background).
 * The room comes from uPlot's bottom padding (lanePadding), so the lanes never cover the plot; with more
 * breaching key results than fit (MAX_LANES, or 15% of the chart's height), those with a breach going on now,
 * then those with a critical one, get a lane first (overlayData orders them), and "+n" says how many have none.
 */

const LANE_PX = 6;
const LANE_GAP_PX = 3;
const TOP_GAP_PX = 5;
const MAX_LANES = 8;
const MAX_SHARE_OF_HEIGHT = 0.15;
/** WCAG's minimum for graphical objects against what is next to them. */
const MIN_CONTRAST = 3;

/** A drawn lane in CSS px from the canvas' top-left, for tests and debugging (data-breach-lanes). */
export interface DrawnLane {
  keyResult: string;
  top: number;
  height: number;
  warning: number;
  critical: number;
}

export interface BreachLanes {
  /** uPlot's bottom padding: room for the lanes this chart draws. */
  padding: (u: uPlot) => number;
  /** draw hook: the lanes, outside the plot's clip. */
  hook: (u: uPlot) => void;
  /** The lanes drawn on the last draw. */
  drawn: () => DrawnLane[];
}

export function breachLanes(context: OverlayContext): BreachLanes {
  const colors = laneColors(context.theme);
  let rows = 0;
  let drawn: DrawnLane[] = [];
  let hatch: { ratio: number; pattern: CanvasPattern | string } | null = null;

  /** Lanes that fit: at least one whenever a key result breached (a small chart of the stack still shows it). */
  const rowsFor = (u: uPlot) => {
    const count = seriesOverlays(context).lanes.length;
    const fit = Math.floor((u.height * MAX_SHARE_OF_HEIGHT - TOP_GAP_PX) / (LANE_PX + LANE_GAP_PX));
    return count === 0 ? 0 : Math.min(count, MAX_LANES, Math.max(1, fit));
  };

  const padding = (u: uPlot) => {
    rows = rowsFor(u);
    return rows === 0 ? 0 : TOP_GAP_PX + rows * (LANE_PX + LANE_GAP_PX);
  };

  const hook = (u: uPlot) => {
    // uPlot asks for the padding only when its size or a scale changes; new breaches on the same scales
    // (a streamed point, a shorter minimum duration) need another layout, after this draw.
    if (rowsFor(u) !== rows) {
      queueMicrotask(() => u.root.isConnected && u.redraw(false, true));
    }
    const all = seriesOverlays(context).lanes;
    const lanes = all.slice(0, rows);
    if (lanes.length === 0) {
      drawn = [];
      return;
    }
    const ratio = pixelRatio();
    if (hatch?.ratio !== ratio) {
      hatch = { ratio, pattern: hatchPattern(u.ctx, colors, ratio) };
    }
    const firstTop = u.height - rows * (LANE_PX + LANE_GAP_PX);
    const { ctx } = u;
    ctx.save();
    drawn = lanes.map((lane, index) => {
      const top = firstTop + index * (LANE_PX + LANE_GAP_PX);
      drawLane({ ctx, u, lane, top: top * ratio, ratio, colors, hatch: hatch!.pattern });
      return {
        keyResult: lane.title,
        top,
        height: LANE_PX,
        warning: lane.warning?.starts.length ?? 0,
        critical: lane.critical?.starts.length ?? 0,
      };
    });
    if (all.length > lanes.length) {
      drawMoreCount(ctx, u, all.length - lanes.length, (firstTop + (rows - 1) * (LANE_PX + LANE_GAP_PX)) * ratio);
    }
    ctx.restore();
  };

  /** "+n" left of the last lane's marker: key results that breached but have no lane here. */
  const drawMoreCount = (ctx: CanvasRenderingContext2D, u: uPlot, count: number, laneTop: number) => {
    const ratio = pixelRatio();
    ctx.font = `${10 * ratio}px Inter, Helvetica, Arial, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = context.theme.colors.text.secondary;
    ctx.fillText(`+${count}`, u.bbox.left - (LANE_PX + 8) * ratio, laneTop + (LANE_PX * ratio) / 2);
  };

  return { padding, hook, drawn: () => drawn };
}

interface LaneColors {
  track: string;
  warning: string;
  critical: string;
  stripe: string;
}

function laneColors(theme: GrafanaTheme2): LaneColors {
  const background = theme.colors.background.primary;
  const visible = (candidates: string[]) =>
    candidates.find((color) => colorManipulator.getContrastRatio(color, background) >= MIN_CONTRAST) ??
    candidates[candidates.length - 1];
  return {
    track: theme.colors.border.weak,
    // Light theme: warning.main (#f90) is 2.1:1 on white, warning.text 5.1:1.
    warning: visible([theme.colors.warning.main, theme.colors.warning.text]),
    critical: visible([theme.colors.error.main, theme.colors.error.text]),
    stripe: background,
  };
}

/** Error colour with background-coloured diagonal stripes, tiled; a plain colour where canvas patterns are missing. */
function hatchPattern(ctx: CanvasRenderingContext2D, colors: LaneColors, ratio: number): CanvasPattern | string {
  const size = Math.round(6 * ratio);
  const tile = typeof document === 'undefined' ? null : document.createElement('canvas');
  const tileCtx = tile?.getContext('2d');
  if (!tile || !tileCtx || typeof ctx.createPattern !== 'function') {
    return colors.critical;
  }
  tile.width = size;
  tile.height = size;
  tileCtx.fillStyle = colors.critical;
  tileCtx.fillRect(0, 0, size, size);
  tileCtx.strokeStyle = colors.stripe;
  tileCtx.lineWidth = 1.5 * ratio;
  tileCtx.beginPath();
  // One stripe corner to corner plus the two halves that continue it across the tile's edges.
  for (const offset of [-size, 0, size]) {
    tileCtx.moveTo(offset, size);
    tileCtx.lineTo(offset + size, 0);
  }
  tileCtx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colors.critical;
}

interface LaneInput {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  lane: BreachLane;
  top: number;
  ratio: number;
  colors: LaneColors;
  hatch: CanvasPattern | string;
}

function drawLane({ ctx, u, lane, top, ratio, colors, hatch }: LaneInput): void {
  const height = LANE_PX * ratio;
  const { left, width } = u.bbox;
  ctx.fillStyle = lane.color;
  ctx.fillRect(left - (LANE_PX + 4) * ratio, top, height, height);
  ctx.fillStyle = colors.track;
  ctx.fillRect(left, top, width, height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  const band = { top, height };
  for (const [spans, fill] of [
    [lane.warning, colors.warning],
    [lane.critical, hatch],
  ] as const) {
    if (spans) {
      ctx.beginPath();
      addSpanRects(ctx, u, spans, 2 * ratio, band);
      ctx.fillStyle = fill;
      ctx.fill();
    }
  }
  ctx.restore();
}
