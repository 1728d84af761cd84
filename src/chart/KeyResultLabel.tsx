import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { statusDisplay } from '../display/status';
import { StatusChip } from '../display/StatusChip';
import { Swatch } from '../display/Swatch';
import { KeyResultModel } from '../okr';

/** A charted key result's accessible name: its title and its status word ("MRR up 15%, at risk"). */
export function keyResultEntryName(kr: KeyResultModel): string {
  return `${kr.title}, ${statusDisplay(kr.status).label}`;
}

/**
 * A key result as the chart names it: its line's colour, its title and its status. A legend entry in the
 * shared chart, the heading of its own chart in the per-key-result stack.
 */
export function KeyResultLabel({ kr, color }: { kr: KeyResultModel; color: string }) {
  const styles = useStyles2(getStyles);
  return (
    <span className={styles.label}>
      <Swatch color={color} />
      <span className={styles.title} title={kr.title} data-testid="okr-kr-title">
        {kr.title}
      </span>
      <StatusChip status={kr.status} className={styles.chip} />
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  label: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    minWidth: 0,
    maxWidth: '100%',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  title: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: '4ch' }),
  chip: css({ flex: '0 0 auto', fontSize: theme.typography.bodySmall.fontSize }),
});
