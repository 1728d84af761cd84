import type uPlot from 'uplot';

import { colorManipulator } from '@grafana/data';

import { inPlotArea, pixelRatio } from './canvas';
import { Box, PlacedBox, placeLabels } from './labelPlacement';
import { latestDataBoxes } from './latestData';
import { OverlayContext } from './overlayContext';

/**
 * The overlays' labels: each hook asks for its labels (requestLabel) instead of drawing them, and the last
 * draw hook (labelsHook) lays them all out at once (labelPlacement.ts) so that no label covers another or
 * the latest data, then draws them. Positions are canvas pixels, like the hooks'.
 */

/**
 * Which labels get room first, and so which are dropped when a small plot has none left. Dropped first are
 * the ones whose information the chart still shows otherwise: "as of" is the dashed line at that time, a
 * period's name its band's edges on the time axis, a milestone's value its diamond on the pace line (and
 * the tooltip's "Expected"). Targets and forecasts, the numbers the chart is about, go first.
 */
export const LABEL_PRIORITY = { target: 5, offScale: 5, forecast: 4, milestone: 3, period: 2, asOf: 1 } as const;

export interface LabelRequest {
  text: string;
  /** The point the label belongs to (x, y): where its box sits by `align` and `baseline`, and its leader starts. */
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
  baseline: 'top' | 'middle' | 'bottom';
  color: string;
  priority: number;
}

/** A laid-out label in CSS pixels from the canvas' top-left (the plot's origin is data-plot-left/top). */
export interface PlacedLabel {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

const FONT_PX = 12;
const HEIGHT_PX = 16;
const PAD_PX = 3;
const GAP_PX = 2;
/** A label this far off its line still reads as its line's; further, it gets a leader line. */
const MAX_NUDGE_PX = 20;
const COLUMNS = 3;
/** Below 3:1 on the background (the light palette's pale yellows and greens on white) label text is hard to read. */
const MIN_TEXT_CONTRAST = 3;

export function requestLabel(context: OverlayContext, request: LabelRequest): void {
  context.labels.push(request);
}

/**
 * draw hook, registered last: lays out every label the hooks asked for and draws them; their boxes (CSS px)
 * go to `context.placedLabels`. The requests are consumed, so a redraw starts from an empty list.
 */
export function labelsHook(context: OverlayContext) {
  const inkOf = labelInk(context);
  const background = context.theme.colors.background.primary;
  return (u: uPlot) => {
    const ratio = pixelRatio();
    const requests = withoutRepeats(context.labels, HEIGHT_PX * ratio);
    context.labels.length = 0;
    if (requests.length === 0) {
      context.placedLabels = [];
      context.latestData = [];
      return;
    }
    const { ctx } = u;
    ctx.save();
    ctx.font = labelFont(ratio);
    const boxes = requests.map((request) => requestedBox(request, ctx.measureText(request.text).width, ratio));
    ctx.restore();
    const latest = latestDataBoxes(u, context);
    const placed = placeLabels(
      requests.map((request, i) => ({ box: boxes[i], priority: request.priority, align: request.align })),
      u.bbox,
      latest,
      { gap: GAP_PX * ratio, maxNudge: MAX_NUDGE_PX * ratio, columns: COLUMNS }
    );
    inPlotArea(u, (plotCtx) => {
      plotCtx.font = labelFont(ratio);
      plotCtx.textAlign = 'left';
      plotCtx.textBaseline = 'middle';
      placed.forEach((box, i) => {
        if (box) {
          const request = requests[i];
          drawPlacedLabel({ ctx: plotCtx, request, box, ink: inkOf(request.color), background, ratio });
        }
      });
    });
    context.placedLabels = placedInCss(requests, placed, ratio);
    context.latestData = latest.map((box) => inCss(box, ratio));
  };
}

/**
 * The requests without repeats: a label with the same text and colour as an earlier one whose anchor is
 * within `near` of it (two key results on one series with one target) says nothing the first does not.
 */
export function withoutRepeats(requests: readonly LabelRequest[], near: number): LabelRequest[] {
  const repeats = (request: LabelRequest, earlier: LabelRequest) =>
    earlier.text === request.text &&
    earlier.color === request.color &&
    Math.abs(earlier.x - request.x) < near &&
    Math.abs(earlier.y - request.y) < near;
  return requests.filter((request, index) => {
    for (let i = 0; i < index; i++) {
      if (repeats(request, requests[i])) {
        return false;
      }
    }
    return true;
  });
}

function labelFont(ratio: number): string {
  return `${FONT_PX * ratio}px Inter, Helvetica, Arial, sans-serif`;
}

function requestedBox(request: LabelRequest, textWidth: number, ratio: number): Box {
  const width = textWidth + 2 * PAD_PX * ratio;
  const height = HEIGHT_PX * ratio;
  const left =
    request.align === 'right' ? request.x - width : request.align === 'center' ? request.x - width / 2 : request.x;
  const top =
    request.baseline === 'bottom'
      ? request.y - height
      : request.baseline === 'middle'
        ? request.y - height / 2
        : request.y;
  return { left, top, width, height };
}

interface LabelInk {
  text: string;
  /** Where the line colour is too faint for text: a border in it, so the label still says whose it is. */
  border: string | null;
}

/**
 * The label's text colour: its line's colour where that reads on the background (3:1, what Grafana's light
 * palette's pale yellows and greens miss on white), else the theme's text colour with a border in the line's.
 * Worked out once per colour.
 */
function labelInk(context: OverlayContext): (color: string) => LabelInk {
  const background = context.theme.colors.background.primary;
  const inks = new Map<string, LabelInk>();
  return (color) => {
    let ink = inks.get(color);
    if (!ink) {
      const readable = contrastOrZero(color, background) >= MIN_TEXT_CONTRAST;
      ink = readable ? { text: color, border: null } : { text: context.theme.colors.text.primary, border: color };
      inks.set(color, ink);
    }
    return ink;
  };
}

function contrastOrZero(color: string, background: string): number {
  try {
    return colorManipulator.getContrastRatio(color, background);
  } catch {
    return 0; // a colour the manipulator cannot parse: take the theme's text colour
  }
}

interface DrawInput {
  ctx: CanvasRenderingContext2D;
  request: LabelRequest;
  box: PlacedBox;
  ink: LabelInk;
  background: string;
  ratio: number;
}

function drawPlacedLabel({ ctx, request, box, ink, background, ratio }: DrawInput): void {
  if (box.leader) {
    drawLeader(ctx, request, box, ratio);
  }
  ctx.fillStyle = background;
  ctx.beginPath();
  ctx.roundRect(box.left, box.top, box.width, box.height, 2 * ratio);
  ctx.fill();
  if (box.leader || ink.border) {
    ctx.strokeStyle = request.color;
    ctx.lineWidth = ratio;
    ctx.stroke();
  }
  ctx.fillStyle = ink.text;
  ctx.fillText(request.text, box.left + PAD_PX * ratio, box.top + box.height / 2);
}

/** A thin line from the label's anchor to the nearest point of its moved box, with a dot at the anchor. */
function drawLeader(ctx: CanvasRenderingContext2D, request: LabelRequest, box: Box, ratio: number): void {
  const toX = Math.min(Math.max(request.x, box.left), box.left + box.width);
  const toY = Math.min(Math.max(request.y, box.top), box.top + box.height);
  ctx.strokeStyle = request.color;
  ctx.lineWidth = ratio;
  ctx.beginPath();
  ctx.moveTo(request.x, request.y);
  ctx.lineTo(toX, toY);
  ctx.stroke();
  ctx.fillStyle = request.color;
  ctx.beginPath();
  ctx.arc(request.x, request.y, 2 * ratio, 0, 2 * Math.PI);
  ctx.fill();
}

function placedInCss(requests: LabelRequest[], placed: Array<PlacedBox | null>, ratio: number): PlacedLabel[] {
  const css: PlacedLabel[] = [];
  placed.forEach((box, i) => box && css.push({ text: requests[i].text, ...inCss(box, ratio) }));
  return css;
}

/** A canvas-px box in CSS px to a tenth of a pixel. */
function inCss({ left, top, width, height }: Box, ratio: number): Box {
  const round = (value: number) => Math.round((value / ratio) * 10) / 10;
  return { left: round(left), top: round(top), width: round(width), height: round(height) };
}
