import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { statusDisplay } from '../display/status';
import { KeyResultModel, KrStatus } from '../okr';
import {
  downsampleMinMax,
  scaleY,
  SparklineFrame,
  sparklinePath,
  stepPoints,
  targetStepsPath,
  valueExtent,
} from './sparklineData';

interface Props {
  kr: KeyResultModel;
  width: number;
  height: number;
}

// Room for the stroke so the extremes are not cut in half at the edges.
const PADDING = 2;

/**
 * The key result's series over its period as an inline SVG: the line runs from the period start to
 * as-of across a box spanning the whole period, so how far it reaches shows how much of the period has
 * passed. The dashed line is the target (and targetMax for a band); a target that changes over time is
 * drawn as its steps.
 */
export function Sparkline({ kr, width, height }: Props) {
  const styles = useStyles2(getStyles, kr.status);
  const { period, asOf, times, values, target, targetMax, targetSteps, manual } = kr;
  const drawing = useMemo(() => {
    if (!period || asOf === null || !(period.end > period.start) || width <= 2 * PADDING || height <= 2 * PADDING) {
      return null;
    }
    const sampled = downsampleMinMax({ times, values, from: period.start, to: asOf });
    // A value entered by hand holds until the next check-in, as on the chart.
    const points = manual ? stepPoints(sampled, asOf) : sampled;
    const stepLevels = targetSteps.flatMap((step) => [step.value, step.max]);
    const extent = valueExtent(points.values, [target, targetMax, ...stepLevels]);
    if (!extent || points.values.length === 0) {
      return null;
    }
    const frame: SparklineFrame = {
      xMin: period.start,
      xMax: period.end,
      yMin: extent.min,
      yMax: extent.max,
      width: width - 2 * PADDING,
      height: height - 2 * PADDING,
    };
    const goals = [target, targetMax].filter((value): value is number => value !== null && Number.isFinite(value));
    const steps = (['value', 'max'] as const)
      .map((level) => targetStepsPath(targetSteps, { periodEnd: period.end, frame, level }))
      .filter((path) => path !== '');
    return {
      path: sparklinePath(points, frame),
      goalYs: targetSteps.length > 0 ? [] : goals.map((value) => scaleY(frame, value)),
      goalPaths: steps,
    };
  }, [period, asOf, times, values, target, targetMax, targetSteps, manual, width, height]);

  if (!drawing) {
    return (
      <span className={styles.empty} style={{ width, height }} data-testid="okr-sparkline-empty">
        –
      </span>
    );
  }
  return (
    <svg
      className={styles.svg}
      width={width}
      height={height}
      viewBox={`${-PADDING} ${-PADDING} ${width} ${height}`}
      role="img"
      aria-label={`${kr.title}: trend this period`}
      data-testid="okr-sparkline"
    >
      {drawing.goalYs.map((y, index) => (
        <line
          key={index}
          className={styles.goal}
          x1={0}
          x2={width - 2 * PADDING}
          y1={y}
          y2={y}
          data-testid="okr-sparkline-target"
        />
      ))}
      {drawing.goalPaths.map((d, index) => (
        <path key={index} className={styles.goal} d={d} data-testid="okr-sparkline-target" />
      ))}
      <path className={styles.line} d={drawing.path} />
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2, status: KrStatus) => ({
  svg: css({ display: 'block', overflow: 'visible', flex: '0 0 auto' }),
  line: css({
    fill: 'none',
    stroke: statusDisplay(status).textColor(theme),
    strokeWidth: 1.5,
    strokeLinejoin: 'round',
    strokeLinecap: 'round',
  }),
  goal: css({ fill: 'none', stroke: theme.colors.text.secondary, strokeWidth: 1, strokeDasharray: '3 3' }),
  empty: css({
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flex: '0 0 auto',
    color: theme.colors.text.secondary,
  }),
});
