import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { KeyResultModel } from '../okr';
import { StatusChip } from '../scorecard';
import { testIds } from '../selectors';
import { formatKeyResultValue, formatPercent } from './format';
import { summaryAttributes } from './summaryAttributes';

interface Props {
  keyResult: KeyResultModel;
}

/**
 * One key result's line, carrying its machine-readable summary (summaryAttributes). Memoised: the model's
 * key results keep their identity until data or options change, so a resize does not re-render it.
 */
export const KeyResultSummary = React.memo(function KeyResultSummary({ keyResult: kr }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.row} {...summaryAttributes(kr)}>
      <span className={styles.title}>{kr.title}</span>
      <StatusChip status={kr.status} />
      <span>
        {formatKeyResultValue(kr, kr.current)} / {formatKeyResultValue(kr, kr.target)}
      </span>
      <span>{formatPercent(kr.progress)}</span>
      {kr.messages.map((message) => (
        <span key={message} className={styles.message} data-testid={testIds.message}>
          {message}
        </span>
      ))}
    </div>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'baseline',
    padding: theme.spacing(0.5, 1),
    borderTop: `1px solid ${theme.colors.border.weak}`,
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium }),
  message: css({ color: theme.colors.warning.text, flexBasis: '100%' }),
});
