import { css, cx } from '@emotion/css';
import React from 'react';

import { colorManipulator, GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { statusDisplay } from './status';
import { KrStatus } from '../okr';

interface Props {
  status: KrStatus;
  className?: string;
}

/**
 * A status as icon + word on a tint of its colour, so it reads without colour. Sized in em: a parent's
 * font size scales it (the wall view makes it big).
 */
export function StatusChip({ status, className }: Props) {
  const styles = useStyles2(getStyles, status);
  const { label, icon } = statusDisplay(status);
  return (
    <span className={cx(styles.chip, className)} data-testid="okr-status-chip" data-status={status}>
      <Icon name={icon} className={styles.icon} aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

export interface ChipColors {
  background: string;
  border: string;
  text: string;
  icon: string;
}

/**
 * The word is in the theme's primary text colour on a 15% tint, which keeps ≥ 7:1 in both themes for
 * every status; the hue is carried by the border and the icon (the palette's text shade, ≥ 3:1 as
 * WCAG asks of graphics). StatusChip.test.tsx measures both.
 */
export function chipColors(theme: GrafanaTheme2, status: KrStatus): ChipColors {
  const display = statusDisplay(status);
  return {
    background: colorManipulator.alpha(display.color(theme), 0.15),
    border: display.color(theme),
    text: theme.colors.text.primary,
    icon: display.textColor(theme),
  };
}

const getStyles = (theme: GrafanaTheme2, status: KrStatus) => {
  const colors = chipColors(theme, status);
  return {
    chip: css({
      display: 'inline-flex',
      alignItems: 'center',
      gap: '0.35em',
      padding: '0.15em 0.6em 0.15em 0.45em',
      borderRadius: '1em',
      border: `max(1px, 0.08em) solid ${colors.border}`,
      background: colors.background,
      color: colors.text,
      fontWeight: theme.typography.fontWeightMedium,
      lineHeight: 1.3,
      whiteSpace: 'nowrap',
    }),
    icon: css({
      color: colors.icon,
      // Follow the chip's font size instead of Icon's fixed pixel sizes.
      width: '1.1em',
      height: '1.1em',
    }),
  };
};
