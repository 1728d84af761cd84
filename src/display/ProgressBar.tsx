import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { statusDisplay } from './status';
import { KrStatus } from '../okr';
import { formatPercent } from './format';

interface Props {
  /** Progress as the core computed it: may exceed 1 or fall below 0; null when undefined. */
  progress: number | null;
  /** Where progress should be by now (pace), drawn as a tick; null when there is no pace. */
  expected: number | null;
  status: KrStatus;
  /** What the percentage measures when it is not baseline → target (labels.ts progressMeaning). */
  meaning?: string | null;
}

/**
 * A bar filled to the progress (clamped to the track) with a tick at the expected progress, and the true
 * percentage beside it: 1.12 fills the track and reads "112%".
 */
export function ProgressBar({ progress, expected, status, meaning }: Props) {
  const styles = useStyles2(getStyles, status);
  const fill = clampUnit(progress);
  const tick = clampUnit(expected);
  const percent = formatPercent(progress);
  const label = meaning && progress !== null ? `${percent} ${meaning}` : percent;
  return (
    <span className={styles.wrapper}>
      <ProgressTrack
        fill={fill}
        tick={tick}
        valueText={expected === null ? label : `${label}, expected ${formatPercent(expected)}`}
        classNames={styles}
      />
      <span className={styles.label} data-testid="okr-progress-label" title={label}>
        {percent}
      </span>
    </span>
  );
}

/**
 * The track itself: filled to `fill`, a tick at `tick` (both in [0, 1], null for none), announced as a
 * progressbar. Each view sizes it (the scorecard in px, the wall in em) through `classNames`.
 */
export function ProgressTrack(props: {
  fill: number | null;
  tick: number | null;
  valueText: string;
  classNames: { track: string; fill: string; tick: string };
}) {
  const { fill, tick, valueText, classNames } = props;
  return (
    <span
      className={classNames.track}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fill === null ? undefined : Math.round(fill * 100)}
      aria-valuetext={valueText}
    >
      {fill !== null && <span className={classNames.fill} style={{ width: `${fill * 100}%` }} />}
      {tick !== null && (
        <span className={classNames.tick} style={{ left: `${tick * 100}%` }} data-testid="okr-expected-tick" />
      )}
    </span>
  );
}

/** [0, 1] for drawing; null for null or non-finite input. */
export function clampUnit(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) {
    return null;
  }
  return Math.min(1, Math.max(0, value));
}

const getStyles = (theme: GrafanaTheme2, status: KrStatus) => ({
  wrapper: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0, width: '100%' }),
  track: css({
    position: 'relative',
    flex: '1 1 auto',
    minWidth: 48,
    height: 8,
    borderRadius: theme.shape.radius.pill,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
  }),
  fill: css({
    position: 'absolute',
    inset: 0,
    right: 'auto',
    borderRadius: theme.shape.radius.pill,
    background: statusDisplay(status).color(theme),
  }),
  tick: css({
    position: 'absolute',
    top: -4,
    bottom: -4,
    width: 2,
    marginLeft: -1,
    background: theme.colors.text.primary,
  }),
  label: css({
    flex: '0 0 auto',
    minWidth: '4ch',
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    fontWeight: theme.typography.fontWeightMedium,
  }),
});
