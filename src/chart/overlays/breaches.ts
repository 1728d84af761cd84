import type uPlot from 'uplot';

import { colorManipulator, GrafanaTheme2 } from '@grafana/data';

import { Breach } from '../../okr';
import { hasScale, inPlotArea, lowerIndex, pixelRatio, xPos, yPos } from './canvas';
import { forEachKeyResult, OverlayContext } from './overlayContext';

/** Warning breaches in the theme's warning colour, critical ones in its error colour. */
export function breachColor(breach: Pick<Breach, 'severity'>, theme: GrafanaTheme2): string {
  return breach.severity === 'critical' ? theme.colors.error.main : theme.colors.warning.main;
}

/** drawClear hook: each breach's time span shaded by severity, under the series. */
export function breachRegionsHook(context: OverlayContext) {
  return (u: uPlot) => {
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr) => {
        for (const breach of kr.breaches) {
          const left = xPos(u, breach.start);
          // A breach as short as one sample still gets a visible sliver.
          const width = Math.max(xPos(u, breach.end) - left, 2 * pixelRatio());
          ctx.fillStyle = colorManipulator.alpha(breachColor(breach, context.theme), 0.18);
          ctx.fillRect(left, u.bbox.top, width, u.bbox.height);
        }
      });
    });
  };
}

/**
 * draw hook: the series line re-stroked in the breach colour inside each breach, so the bad stretch of
 * the line itself changes colour. Only the samples inside breaches are visited.
 */
export function breachLineHook(context: OverlayContext) {
  return (u: uPlot) => {
    const ratio = pixelRatio();
    const times = u.data[0] as ArrayLike<number>;
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr, series, seriesIndex) => {
        const values = u.data[seriesIndex] as ArrayLike<number | null> | undefined;
        if (!values || kr.breaches.length === 0 || !hasScale(u, series.scaleKey)) {
          return;
        }
        ctx.lineWidth = 2.5 * ratio;
        ctx.lineJoin = 'round';
        for (const breach of kr.breaches) {
          const left = xPos(u, breach.start);
          const right = xPos(u, breach.end);
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, u.bbox.top, Math.max(right - left, ratio), u.bbox.height);
          ctx.clip();
          ctx.strokeStyle = breachColor(breach, context.theme);
          strokeSamples({ ctx, u, times, values, scaleKey: series.scaleKey, from: lowerIndex(times, breach.start) - 1, to: lowerIndex(times, breach.end) + 1 });
          ctx.restore();
        }
      });
    });
  };
}

interface StrokeInput {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  times: ArrayLike<number>;
  values: ArrayLike<number | null>;
  scaleKey: string;
  from: number;
  to: number;
}

/** The polyline through samples [from, to], broken at nulls as uPlot draws gaps. */
function strokeSamples({ ctx, u, times, values, scaleKey, from, to }: StrokeInput): void {
  ctx.beginPath();
  let drawing = false;
  for (let i = Math.max(0, from); i <= Math.min(to, times.length - 1); i++) {
    const value = values[i];
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
