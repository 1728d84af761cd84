import { css, cx, keyframes } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { formatBreachCount, formatDuration } from './labels';

interface Props {
  count: number;
  ongoing: boolean;
  /** Pulse the ongoing marker (the wall view, where nobody hovers); never under prefers-reduced-motion. */
  pulse?: boolean;
  /** Hide "No breaches": the wall view shows only what needs attention. */
  hideWhenNone?: boolean;
  /** The longest breach's length in seconds, said after the count ("· longest 2h 10m") where there is room. */
  longestSeconds?: number;
}

/** The breach count, and a marker while a breach is still running at as-of. */
export function BreachIndicator({ count, ongoing, pulse = false, hideWhenNone = false, longestSeconds = 0 }: Props) {
  const styles = useStyles2(getStyles);
  if (hideWhenNone && count <= 0 && !ongoing) {
    return null;
  }
  return (
    <span className={styles.wrapper}>
      <span className={count > 0 ? styles.count : styles.none} data-testid="okr-breaches">
        <span className={styles.nowrap}>{formatBreachCount(count)}</span>
        {/* How long the longest lasted: its own unbreakable piece, so a narrow column wraps between the two. */}
        {count > 0 && longestSeconds > 0 && (
          <span className={styles.nowrap}> · longest {formatDuration(longestSeconds)}</span>
        )}
      </span>
      {ongoing && (
        <span className={cx(styles.ongoing, pulse && styles.pulse)} data-testid="okr-breach-ongoing">
          <Icon name="fire" className={styles.icon} aria-hidden="true" />
          <span>Breach ongoing</span>
        </span>
      )}
    </span>
  );
}

const pulseFrames = keyframes({
  '0%, 100%': { opacity: 1 },
  '50%': { opacity: 0.45 },
});

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: '0.5em' }),
  count: css({}),
  nowrap: css({ whiteSpace: 'nowrap' }),
  none: css({ whiteSpace: 'nowrap', color: theme.colors.text.secondary }),
  ongoing: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: '0.25em',
    whiteSpace: 'nowrap',
    color: theme.colors.error.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  icon: css({ width: '1.1em', height: '1.1em' }),
  // Motion only where the user has not asked for less of it.
  pulse: css({
    '@media (prefers-reduced-motion: no-preference)': {
      animation: `${pulseFrames} 2s ease-in-out infinite`,
    },
  }),
});
