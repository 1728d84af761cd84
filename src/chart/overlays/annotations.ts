import type uPlot from 'uplot';

import { colorManipulator } from '@grafana/data';
import { DEFAULT_ANNOTATION_COLOR } from '@grafana/ui';

import { AnnotationModel } from '../../okr';
import { inPlotArea, pixelRatio, xPos } from './canvas';
import { OverlayContext } from './overlayContext';

/** A region's tint, as Grafana's time series panel shades one. */
const REGION_ALPHA = 0.1;
/** The marker under the plot: a point's triangle and a region's bar are this tall (CSS px), as Grafana's. */
export const ANNOTATION_MARKER_SIZE = 5;

/**
 * The dashboard's annotations drawn as Grafana's time series panel draws them: a dashed vertical line in
 * the annotation's colour at its time (a region: at both edges, the span between tinted), and a marker
 * just under the plot — a small triangle for a point, a bar for a region — so a breach can be read beside
 * the deploy that caused it. Their text is in the chart tooltip (ChartTooltip, annotationsAt).
 *
 * Two hooks: region tints under the series (drawClear), lines and markers over them (draw).
 */
export function annotationRegionsHook(context: OverlayContext) {
  const colorOf = annotationColor(context);
  return (u: uPlot) => {
    const regions = visible(u, context.getAnnotations()).filter((annotation) => annotation.timeEnd !== null);
    if (regions.length === 0) {
      return;
    }
    inPlotArea(u, (ctx) => {
      for (const annotation of regions) {
        const left = xPos(u, annotation.time);
        ctx.fillStyle = colorOf(annotation, REGION_ALPHA);
        ctx.fillRect(left, u.bbox.top, xPos(u, annotation.timeEnd!) - left, u.bbox.height);
      }
    });
  };
}

export function annotationLinesHook(context: OverlayContext) {
  const colorOf = annotationColor(context);
  return (u: uPlot) => {
    const ratio = pixelRatio();
    const annotations = visible(u, context.getAnnotations());
    if (annotations.length === 0) {
      return;
    }
    inPlotArea(u, (ctx) => {
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash([5 * ratio, 5 * ratio]);
      for (const annotation of annotations) {
        ctx.strokeStyle = colorOf(annotation);
        const edges = annotation.timeEnd === null ? [annotation.time] : [annotation.time, annotation.timeEnd];
        ctx.beginPath();
        for (const edge of edges) {
          const x = xPos(u, edge);
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
        }
        ctx.stroke();
      }
      ctx.setLineDash([]);
    });
    drawMarkers(u, annotations, colorOf);
  };
}

/** Under the plot, outside its clip: over the x axis' top edge, where Grafana puts its markers. */
function drawMarkers(u: uPlot, annotations: AnnotationModel[], colorOf: (annotation: AnnotationModel) => string) {
  const { ctx, bbox } = u;
  const size = ANNOTATION_MARKER_SIZE * pixelRatio();
  const top = bbox.top + bbox.height;
  const plotLeft = bbox.left;
  const plotRight = bbox.left + bbox.width;
  ctx.save();
  for (const annotation of annotations) {
    ctx.fillStyle = colorOf(annotation);
    const x = xPos(u, annotation.time);
    if (annotation.timeEnd === null) {
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x + size, top + size);
      ctx.lineTo(x - size, top + size);
      ctx.closePath();
      ctx.fill();
      continue;
    }
    const left = Math.max(x, plotLeft);
    const right = Math.min(xPos(u, annotation.timeEnd), plotRight);
    ctx.fillRect(left, top, Math.max(right - left, size), size);
  }
  ctx.restore();
}

/** An annotation's colour (at `alpha`, for a region's tint), resolved and parsed once per name and alpha. */
function annotationColor(context: OverlayContext): (annotation: AnnotationModel, alpha?: number) => string {
  const byName = new Map<string, string>();
  return (annotation, alpha) => {
    const name = annotation.color ?? DEFAULT_ANNOTATION_COLOR;
    const key = alpha === undefined ? name : `${name}\u0000${alpha}`;
    let color = byName.get(key);
    if (color === undefined) {
      color = context.theme.visualization.getColorByName(name);
      color = alpha === undefined ? color : colorManipulator.alpha(color, alpha);
      byName.set(key, color);
    }
    return color;
  };
}

/** The annotations that reach into the x range drawn. */
function visible(u: uPlot, annotations: AnnotationModel[]): AnnotationModel[] {
  const { min, max } = u.scales.x;
  if (min == null || max == null) {
    return [];
  }
  return annotations.filter((annotation) => annotation.time <= max && (annotation.timeEnd ?? annotation.time) >= min);
}
