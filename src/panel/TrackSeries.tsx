import { css } from '@emotion/css';
import React, { useId } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';

import { TrackedSeries } from '../editor/model/firstKeyResult';
import { testIds } from '../selectors';

interface Props {
  series: TrackedSeries[];
  onTrack: (series: TrackedSeries) => void;
}

/**
 * What a panel with data but no key results shows: its series, each with one action that makes it a key
 * result, so a new user sees the panel work before opening the editor. Each button is described by its
 * series' name, so screen readers (and tests) tell the rows apart.
 */
export function TrackSeries({ series, onTrack }: Props) {
  const styles = useStyles2(getStyles);
  const idPrefix = useId();
  return (
    <div className={styles.container} data-testid={testIds.trackSeries}>
      <p className={styles.intro}>No key results yet. Pick a series to track:</p>
      <ul className={styles.list} aria-label="Series">
        {series.map((item, index) => {
          const nameId = `${idPrefix}-series-${index}`;
          return (
            <li key={item.displayName} className={styles.row}>
              <span id={nameId} className={styles.name}>
                {item.displayName}
              </span>
              <Button size="sm" variant="secondary" icon="plus" aria-describedby={nameId} onClick={() => onTrack(item)}>
                Track as key result
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ padding: theme.spacing(1), overflowY: 'auto', height: '100%' }),
  intro: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(1) }),
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  row: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  name: css({ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
});
