import type uPlot from 'uplot';

import { lowerBound } from '../../okr';
import { addSpanRects } from './breachSpans';
import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

/**
 * drawClear hook: each breach's time span shaded by severity, under the series. One path per colour (the
 * spans are grouped once per data change, overlayData.ts); a breach as short as one sample still gets a
 * visible sliver. Where two breaches of one severity overlap, their union is shaded once.
 */
export function breachRegionsHook(context: OverlayContext) {
  return (u: uPlot) => {
    const { regions } = seriesOverlays(context);
    if (regions.length === 0) {
      return;
    }
    const minWidth = 2 * pixelRatio();
    inPlotArea(u, (ctx) => {
      for (const spans of regions) {
        ctx.beginPath();
        addSpanRects(ctx, u, spans, minWidth);
        ctx.fillStyle = spans.color;
        ctx.fill();
      }
    });
  };
}

/**
 * draw hook: the series line re-stroked in the breach colour inside each breach, so the bad stretch of
 * the line itself changes colour. Per series and colour: one clip of all that colour's breach spans, then
 * uPlot's own stroke path for the series again — O(visible breaches), not O(samples), and the exact same line.
 * `_paths` is uPlot's cache of the series' drawn paths (not in its typings); without it the samples
 * inside the breaches are stroked instead.
 */
export function breachLineHook(context: OverlayContext) {
  return (u: uPlot) => {
    const { lines } = seriesOverlays(context);
    if (lines.every((spans) => spans.length === 0)) {
      return;
    }
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      context.getSeries().forEach((series, index) => {
        const seriesIndex = index + 1;
        if (!hasScale(u, series.scaleKey)) {
          return;
        }
        const stroke = drawnStroke(u, seriesIndex);
        for (const spans of lines[index] ?? []) {
          ctx.save();
          ctx.beginPath();
          addSpanRects(ctx, u, spans, ratio);
          ctx.clip();
          ctx.strokeStyle = spans.color;
          ctx.lineWidth = 2.5 * ratio;
          ctx.lineJoin = 'round';
          if (stroke) {
            ctx.stroke(stroke);
          } else {
            const times = u.data[0] as ArrayLike<number>;
            const values = u.data[seriesIndex] as ArrayLike<number | null | undefined>;
            spans.starts.forEach((start, i) =>
              strokeSamples({
                ctx,
                u,
                times,
                values,
                scaleKey: series.scaleKey,
                from: lowerBound(times, start) - 1,
                to: lowerBound(times, spans.ends[i]) + 1,
              })
            );
          }
          ctx.restore();
        }
      });
    });
  };
}

function drawnStroke(u: uPlot, seriesIndex: number): Path2D | null {
  const cached = (u.series[seriesIndex] as { _paths?: { stroke?: unknown } | null })._paths?.stroke;
  return typeof Path2D !== 'undefined' && cached instanceof Path2D ? cached : null;
}

interface StrokeInput {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  times: ArrayLike<number>;
  values: ArrayLike<number | null | undefined>;
  scaleKey: string;
  from: number;
  to: number;
}

/** The polyline through samples [from, to], broken at nulls as uPlot draws gaps and joined over undefined. */
function strokeSamples({ ctx, u, times, values, scaleKey, from, to }: StrokeInput): void {
  ctx.beginPath();
  let drawing = false;
  for (let i = Math.max(0, from); i <= Math.min(to, times.length - 1); i++) {
    const value = values[i];
    if (value === undefined) {
      continue; // no sample of this series at this time (another series' time)
    }
    if (value === null || value !== value) {
      drawing = false;
      continue;
    }
    const x = xPos(u, times[i]);
    const y = yPos(u, value, scaleKey);
    if (drawing) {
      ctx.lineTo(x, y);
    } else {
      ctx.moveTo(x, y);
      drawing = true;
    }
  }
  ctx.stroke();
}
