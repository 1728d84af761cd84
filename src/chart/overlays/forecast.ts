import type uPlot from 'uplot';

import { KeyResultModel } from '../../okr';
import { hasScale, inPlotArea, pixelRatio, xPos, yPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { forEachKeyResult, formatValue, OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

/** How many residual standard deviations the forecast band spans on each side of the trend. */
const BAND_SIGMAS = 2;

/** The trend from as-of to the period end, or null when the core could not forecast. */
function forecastSegment(
  kr: KeyResultModel
): { from: number; to: number; start: number; end: number; band: number } | null {
  const forecast = kr.forecast;
  if (!forecast.ok || kr.asOf === null || kr.asOf >= forecast.to) {
    return null;
  }
  const trend = (time: number) => forecast.intercept + forecast.slopePerMs * (time - forecast.from);
  return {
    from: kr.asOf,
    to: forecast.to,
    start: trend(kr.asOf),
    end: forecast.value,
    band: BAND_SIGMAS * forecast.residualStd,
  };
}

/**
 * drawClear hook: the forecast's band (trend ± 2 residual standard deviations), under the series. Only for
 * increase/decrease: a stay* series oscillates around its bound, and a band over it says nothing.
 */
export function forecastBandHook(context: OverlayContext) {
  return (u: uPlot) => {
    const { forecastFills } = seriesOverlays(context);
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr, series, seriesIndex) => {
        const segment = forecastSegment(kr);
        if (!segment || segment.band === 0 || kr.kind.startsWith('stay') || !hasScale(u, series.scaleKey)) {
          return;
        }
        const key = series.scaleKey;
        ctx.fillStyle = forecastFills[seriesIndex - 1];
        ctx.beginPath();
        ctx.moveTo(xPos(u, segment.from), yPos(u, segment.start + segment.band, key));
        ctx.lineTo(xPos(u, segment.to), yPos(u, segment.end + segment.band, key));
        ctx.lineTo(xPos(u, segment.to), yPos(u, segment.end - segment.band, key));
        ctx.lineTo(xPos(u, segment.from), yPos(u, segment.start - segment.band, key));
        ctx.closePath();
        ctx.fill();
      });
    });
  };
}

/** draw hook: the forecast trend as a dotted line to the period end, labelled with its value there. */
export function forecastLineHook(context: OverlayContext) {
  return (u: uPlot) => {
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      forEachKeyResult(context, (kr, series) => {
        const segment = forecastSegment(kr);
        if (!segment || !hasScale(u, series.scaleKey)) {
          return;
        }
        const endX = xPos(u, segment.to);
        const endY = yPos(u, segment.end, series.scaleKey);
        ctx.strokeStyle = series.color;
        ctx.lineWidth = 2 * ratio;
        ctx.setLineDash([2 * ratio, 4 * ratio]);
        ctx.beginPath();
        ctx.moveTo(xPos(u, segment.from), yPos(u, segment.start, series.scaleKey));
        ctx.lineTo(endX, endY);
        ctx.stroke();
        ctx.setLineDash([]);
        requestLabel(context, {
          text: `Forecast ${formatValue(kr, segment.end)}`,
          x: endX - 4 * ratio,
          y: endY + 4 * ratio,
          align: 'right',
          baseline: 'top',
          color: series.color,
          priority: LABEL_PRIORITY.forecast,
        });
      });
    });
  };
}
