import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { isStayKind, KeyResultModel } from '../okr';
import { BreachIndicator } from './BreachIndicator';
import { formatPercent } from './format';
import { InlineMessages } from './InlineMessages';
import { formatCurrentVsTarget } from './labels';
import { StatusChip } from './StatusChip';
import { summaryAttributes } from './summaryAttributes';
import { Swatch } from './Swatch';

interface Props {
  keyResult: KeyResultModel;
  /** The key result's line colour, as a swatch before the title: where the line heads its own chart. */
  color?: string;
  /**
   * Whether this line carries the key result's machine-readable summary (default true). false where another
   * view on the panel already carries it (the scorecard beside a chart stack), so each key result has one.
   */
  summary?: boolean;
}

/** A summary line's height, and one more for a key result with messages: the chart view budgets both. */
export const SUMMARY_LINE_PX = 28;

/** How many lines a key result's summary takes: its line, and one for its messages. */
export function summaryLines(kr: KeyResultModel): number {
  return kr.messages.length > 0 ? 2 : 1;
}

/**
 * One key result's line — under the chart, or heading its own chart in the stack — carrying its machine-readable summary (summaryAttributes): title,
 * status, current vs target as the kind judges it ("315 ms / ≤ 300 ms"), progress (for stay kinds, of the
 * time within target) and breaches, the ongoing one marked. One line, the title cut first, so no key
 * result is pushed out of view; its messages on one more line. Memoised on what it shows (sameLine): a
 * resize keeps the key result itself, and a streamed point makes a new one that usually shows the same.
 */
export const KeyResultSummary = React.memo(function KeyResultSummary({ keyResult: kr, color, summary = true }: Props) {
  const styles = useStyles2(getStyles);
  const progress = formatPercent(kr.progress);
  return (
    <div className={styles.row} {...(summary ? summaryAttributes(kr) : {})}>
      <div className={styles.line}>
        {color && <Swatch color={color} />}
        <span className={styles.title} title={kr.title}>
          {kr.title}
        </span>
        <StatusChip status={kr.status} />
        <span className={styles.values} data-testid="okr-kr-values">
          {formatCurrentVsTarget(kr)}
        </span>
        <span className={styles.values} data-testid="okr-progress-label">
          {isStayKind(kr.kind) && kr.progress !== null ? `${progress} in target` : progress}
        </span>
        <BreachIndicator count={kr.breachCount} ongoing={kr.ongoingBreach} hideWhenNone />
      </div>
      {kr.messages.length > 0 && (
        <div className={styles.message} title={kr.messages.join('\n')}>
          <InlineMessages messages={kr.messages} />
        </div>
      )}
    </div>
  );
}, sameLine);

/**
 * Whether two key results draw the same line: every text and attribute it shows (the summary attributes
 * carry the exact numbers, the status, breaches and check-in; the kind picks the progress label; the
 * formatted values follow the field's unit), so a skipped render never leaves a stale value.
 */
export function sameLine(before: Props, after: Props): boolean {
  if (before.color !== after.color || before.summary !== after.summary) {
    return false;
  }
  const [a, b] = [before.keyResult, after.keyResult];
  if (a === b) {
    return true;
  }
  if (a.kind !== b.kind || formatCurrentVsTarget(a) !== formatCurrentVsTarget(b) || !sameList(a.messages, b.messages)) {
    return false;
  }
  const [shownA, shownB] = [summaryAttributes(a), summaryAttributes(b)];
  const names = Object.keys(shownA);
  return names.length === Object.keys(shownB).length && names.every((name) => shownA[name] === shownB[name]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

const oneLine = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ borderTop: `1px solid ${theme.colors.border.weak}`, padding: theme.spacing(0, 1) }),
  line: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    height: SUMMARY_LINE_PX - 1,
    whiteSpace: 'nowrap',
    '& > *': { flex: '0 0 auto' },
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium, flex: '0 1 auto', minWidth: '4ch', ...oneLine }),
  values: css({ fontVariantNumeric: 'tabular-nums' }),
  message: css({
    color: theme.colors.warning.text,
    height: SUMMARY_LINE_PX,
    lineHeight: `${SUMMARY_LINE_PX}px`,
    ...oneLine,
  }),
});
