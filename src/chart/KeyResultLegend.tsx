import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { testIds } from '../selectors';
import { ChartSeries } from './chartModel';
import { KeyResultLabel, keyResultEntryName } from './KeyResultLabel';

/**
 * The shared chart's legend: one entry per charted key result (not per series: two key results on one
 * series are two entries in that line's colour), with its title and status. Read-only, like the series
 * legend it replaces; a list named "Key results" whose entries are named by title and status word.
 */
export function KeyResultLegend({ series }: { series: ChartSeries[] }) {
  const styles = useStyles2(getStyles);
  const entries = series.flatMap((line) => line.keyResults.map((kr) => ({ kr, color: line.color })));
  return (
    <ul className={styles.list} role="list" aria-label="Key results" data-testid={testIds.keyResultLegend}>
      {entries.map(({ kr, color }) => (
        <li
          key={kr.id}
          className={styles.entry}
          aria-label={keyResultEntryName(kr)}
          data-testid={testIds.keyResultEntry}
          data-kr-id={kr.id}
        >
          <KeyResultLabel kr={kr} color={color} />
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0, 1),
  }),
  // A row as tall as a row of Grafana's series legend, so the plot keeps the height it had with that legend.
  entry: css({
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    maxWidth: '100%',
    height: theme.typography.fontSize * theme.typography.body.lineHeight,
  }),
});
