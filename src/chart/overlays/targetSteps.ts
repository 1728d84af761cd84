import type uPlot from 'uplot';

import { ChartSeries } from '../chartModel';
import { KeyResultModel, TargetStep } from '../../okr';
import { pixelRatio, xPos, yPos } from './canvas';
import { LABEL_PRIORITY, requestLabel } from './labels';
import { drawOffScaleMarker } from './offScaleMarker';
import { formatValue, OverlayContext } from './overlayContext';

interface StepsInput {
  ctx: CanvasRenderingContext2D;
  u: uPlot;
  kr: KeyResultModel;
  series: ChartSeries;
  context: OverlayContext;
}

/**
 * A target that changes over time (the core's targetSteps): a dashed step line in the key result's colour
 * across its period — level, then straight up or down where the next step starts — with a stayWithin band
 * shaded per step. Where no target is in force nothing is drawn. Each step is labelled with its value
 * where its level is wide enough for the label; a target off the axis gets the edge marker at its step.
 */
export function drawTargetSteps({ ctx, u, kr, series, context }: StepsInput): void {
  const ratio = pixelRatio();
  const { theme } = context;
  const period = kr.period!;
  const offScale = context.offScale.get(series.scaleKey) ?? [];
  const segments = kr.targetSteps.map((step, i) => ({
    step,
    left: xPos(u, step.time),
    right: xPos(u, kr.targetSteps[i + 1]?.time ?? period.end),
  }));
  if (kr.kind === 'stayWithin') {
    ctx.fillStyle = theme.colors.success.transparent;
    for (const { step, left, right } of segments) {
      if (step.value !== null && step.max !== null) {
        const top = yPos(u, step.max, series.scaleKey);
        ctx.fillRect(left, top, right - left, yPos(u, step.value, series.scaleKey) - top);
      }
    }
  }
  ctx.strokeStyle = series.color;
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash([8 * ratio, 4 * ratio]);
  for (const level of levelsOf(kr)) {
    strokeSteps(
      ctx,
      u,
      segments.map(({ step, left, right }) => ({ value: level(step), left, right })),
      series
    );
  }
  ctx.setLineDash([]);
  for (const { step, left, right } of segments) {
    for (const [name, value] of labelsOf(kr, step)) {
      const label = `${name} ${formatValue(kr, value)}`;
      if (offScale.includes(value)) {
        const above = value > (u.scales[series.scaleKey].max ?? 0);
        const marker = { ctx, u, context, above, label, color: series.color };
        drawOffScaleMarker({ ...marker, x: Math.min(right, u.bbox.left + u.bbox.width) });
        continue;
      }
      ctx.font = `${12 * ratio}px Inter, Helvetica, Arial, sans-serif`;
      const visible = Math.min(right, u.bbox.left + u.bbox.width) - Math.max(left, u.bbox.left);
      if (visible < ctx.measureText(label).width + 14 * ratio) {
        continue; // too narrow for its label: the line still shows the level
      }
      requestLabel(context, {
        text: label,
        x: Math.min(right, u.bbox.left + u.bbox.width) - 4 * ratio,
        y: yPos(u, value, series.scaleKey) - 2 * ratio,
        align: 'right',
        baseline: 'bottom',
        color: series.color,
        priority: LABEL_PRIORITY.target,
      });
    }
  }
}

/** The lines a key result's steps draw: its target, and for a band the upper bound too. */
function levelsOf(kr: KeyResultModel): Array<(step: TargetStep) => number | null> {
  const lower = (step: TargetStep) => step.value;
  return kr.kind === 'stayWithin' ? [lower, (step) => (step.value === null ? null : step.max)] : [lower];
}

function labelsOf(kr: KeyResultModel, step: TargetStep): Array<[string, number]> {
  if (step.value === null) {
    return [];
  }
  return kr.kind === 'stayWithin' && step.max !== null
    ? [
        ['Target', step.value],
        ['Max', step.max],
      ]
    : [['Target', step.value]];
}

/** One path: each level across its step, joined straight up or down to the next; broken where none is in force. */
function strokeSteps(
  ctx: CanvasRenderingContext2D,
  u: uPlot,
  segments: Array<{ value: number | null; left: number; right: number }>,
  series: ChartSeries
): void {
  ctx.beginPath();
  let drawing = false;
  for (const { value, left, right } of segments) {
    if (value === null) {
      drawing = false;
      continue;
    }
    const y = yPos(u, value, series.scaleKey);
    if (drawing) {
      ctx.lineTo(left, y);
    } else {
      ctx.moveTo(left, y);
      drawing = true;
    }
    ctx.lineTo(right, y);
  }
  ctx.stroke();
}
