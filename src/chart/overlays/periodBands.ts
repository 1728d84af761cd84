import type uPlot from 'uplot';

import { colorManipulator, GrafanaTheme2 } from '@grafana/data';

import { inPlotArea, pixelRatio, xPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

/**
 * Text ink at 4%: about 1.08:1 on the light background, so a band reads as a tint, not as a greyed-out
 * plot (action.hover, at 12%, is 1.26:1 on white and 1.44:1 on dark).
 */
const FILL_ALPHA = 0.04;
/**
 * A band over this share of the plot's width or more only repeats the plot's own bounds (a dashboard range
 * of one quarter): it keeps its edges and label and drops the fill.
 */
const FILL_MAX_SHARE = 0.8;

export interface PeriodBandColors {
  fill: string;
  edge: string;
  label: string;
}

export function periodBandColors(theme: GrafanaTheme2): PeriodBandColors {
  return {
    // alpha() needs hex or rgba in: it would write "rgb(r, g, b, a)" for the dark theme's rgb() text colour.
    fill: colorManipulator.alpha(colorManipulator.asHexString(theme.colors.text.primary), FILL_ALPHA),
    edge: theme.colors.border.medium,
    label: theme.colors.text.secondary,
  };
}

export interface BandSpan {
  /** The band's edges in canvas pixels, which may lie outside the plot. */
  left: number;
  right: number;
  plotLeft: number;
  plotWidth: number;
}

/** Whether the visible part of a band is narrow enough for its fill to tell the reader something. */
export function fillsBand({ left, right, plotLeft, plotWidth }: BandSpan): boolean {
  const visible = Math.min(right, plotLeft + plotWidth) - Math.max(left, plotLeft);
  return plotWidth > 0 && visible > 0 && visible < FILL_MAX_SHARE * plotWidth;
}

/**
 * drawClear hook: each distinct key-result period (a quarter) as a faint band with its label, under the
 * series, so the reader sees where the quarter starts and ends.
 */
export function periodBandsHook(context: OverlayContext) {
  const colors = periodBandColors(context.theme);

  return (u: uPlot) => {
    const { periods } = seriesOverlays(context);
    if (periods.length === 0) {
      return;
    }
    const ratio = pixelRatio();
    inPlotArea(u, (ctx) => {
      for (const period of periods) {
        const left = xPos(u, period.start);
        const right = xPos(u, period.end);
        if (fillsBand({ left, right, plotLeft: u.bbox.left, plotWidth: u.bbox.width })) {
          ctx.fillStyle = colors.fill;
          ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
        }
        ctx.strokeStyle = colors.edge;
        ctx.lineWidth = ratio;
        ctx.beginPath();
        ctx.moveTo(left, u.bbox.top);
        ctx.lineTo(left, u.bbox.top + u.bbox.height);
        ctx.moveTo(right, u.bbox.top);
        ctx.lineTo(right, u.bbox.top + u.bbox.height);
        ctx.stroke();
        const labelX = Math.max(left, u.bbox.left) + 4 * ratio;
        requestLabel(context, {
          text: period.label,
          x: labelX,
          y: u.bbox.top + 2 * ratio,
          align: 'left',
          baseline: 'top',
          color: colors.label,
          priority: LABEL_PRIORITY.period,
        });
      }
    });
  };
}
