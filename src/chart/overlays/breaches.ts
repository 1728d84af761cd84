import type uPlot from 'uplot';

import { colorManipulator, GrafanaTheme2 } from '@grafana/data';

import { Breach, lowerBound } from '../../okr';
import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { forEachKeyResult, OverlayContext } from './overlayContext';

/** Warning breaches in the theme's warning colour, critical ones in its error colour. */
export function breachColor(breach: Pick<Breach, 'severity'>, theme: GrafanaTheme2): string {
  return breach.severity === 'critical' ? theme.colors.error.main : theme.colors.warning.main;
}

/** drawClear hook: each breach's time span shaded by severity, under the series. */
export function breachRegionsHook(context: OverlayContext) {
  // Parsed once, not per breach per draw.
  const shade = {
    critical: colorManipulator.alpha(breachColor({ severity: 'critical' }, context.theme), 0.18),
    warning: colorManipulator.alpha(breachColor({ severity: 'warning' }, context.theme), 0.18),
  };
  return (u: uPlot) => {
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr) => {
        for (const breach of kr.breaches) {
          const left = xPos(u, breach.start);
          // A breach as short as one sample still gets a visible sliver.
          const width = Math.max(xPos(u, breach.end) - left, 2 * pixelRatio());
          ctx.fillStyle = shade[breach.severity];
          ctx.fillRect(left, u.bbox.top, width, u.bbox.height);
        }
      });
    });
  };
}

/**
 * draw hook: the series line re-stroked in the breach colour inside each breach, so the bad stretch of
 * the line itself changes colour. Per series and colour: one clip of all that colour's breach spans, then
 * uPlot's own stroke path for the series again — O(breaches), not O(samples), and the exact same line.
 * `_paths` is uPlot's cache of the series' drawn paths (not in its typings); without it the samples
 * inside the breaches are stroked instead.
 */
export function breachLineHook(context: OverlayContext) {
  return (u: uPlot) => {
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      context.getSeries().forEach((series, index) => {
        const seriesIndex = index + 1;
        if (!hasScale(u, series.scaleKey)) {
          return;
        }
        const stroke = drawnStroke(u, seriesIndex);
        for (const [color, spans] of spansByColor(
          series.keyResults.flatMap((kr) => kr.breaches),
          context.theme
        )) {
          ctx.save();
          ctx.beginPath();
          for (const span of spans) {
            const left = xPos(u, span.start);
            ctx.rect(left, u.bbox.top, Math.max(xPos(u, span.end) - left, ratio), u.bbox.height);
          }
          ctx.clip();
          ctx.strokeStyle = color;
          ctx.lineWidth = 2.5 * ratio;
          ctx.lineJoin = 'round';
          if (stroke) {
            ctx.stroke(stroke);
          } else {
            const times = u.data[0] as ArrayLike<number>;
            const values = u.data[seriesIndex] as ArrayLike<number | null | undefined>;
            spans.forEach((span) =>
              strokeSamples({
                ctx,
                u,
                times,
                values,
                scaleKey: series.scaleKey,
                from: lowerBound(times, span.start) - 1,
                to: lowerBound(times, span.end) + 1,
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

/** Breach spans grouped by their colour; a critical breach is drawn over a warning one it overlaps. */
function spansByColor(breaches: readonly Breach[], theme: GrafanaTheme2): Map<string, Breach[]> {
  const groups = new Map<string, Breach[]>();
  const ordered = [...breaches].sort((a, b) => Number(a.severity === 'critical') - Number(b.severity === 'critical'));
  for (const breach of ordered) {
    const color = breachColor(breach, theme);
    groups.set(color, [...(groups.get(color) ?? []), breach]);
  }
  return groups;
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
