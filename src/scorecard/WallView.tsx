import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { formatPercent } from '../components/format';
import { summaryAttributes } from '../components/summaryAttributes';
import { KeyResultModel, ObjectiveModel, PanelModel } from '../okr';
import { testIds } from '../selectors';
import { BreachIndicator } from './BreachIndicator';
import { formatPeriodPosition, periodPosition } from './daysLeft';
import { formatCheckIn, formatCurrentVsTarget, progressMeaning } from './labels';
import { PanelNotices } from './PanelNotices';
import { StatusChip } from './StatusChip';
import { MAX_TITLE_LINES, titleLines, wallLayout } from './wallLayout';

export interface WallViewProps {
  model: PanelModel;
  width: number;
  height: number;
  /** The dashboard's time zone, for check-in days. */
  timeZone?: string;
}

/** A key result's check-in line is smaller than a title line (0.6em of type): what it adds to the budget. */
const CHECK_IN_LINE = 0.6;

/**
 * The scorecard for a TV across the room: no interaction, type sized from the panel (wallLayout), the
 * theme's strongest text colour, and per key result a big status chip with the days left under it, the
 * whole title (wrapped, up to MAX_TITLE_LINES) and the progress number. Everything is in em, so the one
 * computed font size scales the whole view.
 */
export function WallView({ model, width, height, timeZone }: WallViewProps) {
  const styles = useStyles2(getStyles);
  const objectives = model.objectives ?? [];
  const keyResults = objectives.flatMap((objective) => objective.keyResults ?? []);
  const { columns, fontSize } = wallLayout({
    width,
    height,
    lines: objectives.length + keyResults.length,
    extraTitleLines: keyResults.reduce(
      (sum, kr) => sum + titleLines(kr.title) - 1 + (kr.latestCheckIn ? CHECK_IN_LINE : 0),
      0
    ),
  });
  return (
    <div
      className={styles.wall}
      style={{ width, height, fontSize, columnCount: columns }}
      data-testid="okr-wall"
      data-columns={columns}
    >
      <PanelNotices messages={model.messages} empty={objectives.length === 0} classNames={styles} />
      {objectives.map((objective) => (
        <WallObjective key={objective.id} objective={objective} timeZone={timeZone} />
      ))}
    </div>
  );
}

function WallObjective({ objective, timeZone }: { objective: ObjectiveModel; timeZone?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.objective} data-testid="okr-objective" data-objective-id={objective.id}>
      <header className={styles.objectiveHeader}>
        <span className={styles.objectiveTitle}>{objective.title}</span>
        <span className={styles.objectiveProgress} data-testid="okr-objective-progress">
          {formatPercent(objective.progress)}
        </span>
        <StatusChip status={objective.status} className={styles.chip} />
      </header>
      {(objective.keyResults ?? []).map((kr) => (
        <WallKeyResult key={kr.id} kr={kr} timeZone={timeZone} />
      ))}
    </section>
  );
}

function WallKeyResult({ kr, timeZone }: { kr: KeyResultModel; timeZone?: string }) {
  const styles = useStyles2(getStyles);
  const meaning = kr.progress === null ? null : progressMeaning(kr.kind);
  const checkIn = formatCheckIn(kr.latestCheckIn, timeZone);
  return (
    <div className={styles.keyResult} {...summaryAttributes(kr)}>
      <div className={styles.statusCell}>
        <StatusChip status={kr.status} className={styles.chip} />
        <span className={styles.daysLeft} data-testid="okr-days-left">
          {formatPeriodPosition(periodPosition(kr.period, kr.asOf))}
        </span>
      </div>
      <div className={styles.text}>
        <div className={styles.title} data-testid="okr-kr-title">
          {kr.title}
        </div>
        <div className={styles.values}>
          <span data-testid="okr-kr-values">{formatCurrentVsTarget(kr)}</span>
          <BreachIndicator count={kr.breachCount} ongoing={kr.ongoingBreach} pulse hideWhenNone />
          {checkIn.confidence && <span data-testid="okr-confidence">{checkIn.confidence}</span>}
        </div>
        {checkIn.note && (
          <div className={styles.checkInNote} data-testid="okr-check-in">
            {checkIn.note}
          </div>
        )}
        {kr.messages.map((message) => (
          <div key={message} className={styles.krMessage} data-testid={testIds.message}>
            {message}
          </div>
        ))}
      </div>
      <span className={styles.progressCell}>
        <span className={styles.progress} data-testid="okr-progress-label">
          {formatPercent(kr.progress)}
        </span>
        {meaning && <span className={styles.progressMeaning}>{meaning}</span>}
      </span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wall: css({
    // width/height are the panel's outer size; the padding must fit inside them.
    boxSizing: 'border-box',
    overflow: 'hidden',
    columnGap: '1.5em',
    // Balanced: 'auto' fills the first column to the bottom and leaves the last nearly empty.
    columnFill: 'balance',
    padding: '0.25em 0.5em',
    lineHeight: 1.2,
    color: theme.colors.text.maxContrast,
    background: theme.colors.background.primary,
  }),
  objective: css({ marginBottom: '0.4em' }),
  objectiveHeader: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    alignItems: 'center',
    columnGap: '0.5em',
    padding: '0.2em 0',
    borderBottom: `max(2px, 0.06em) solid ${theme.colors.border.strong}`,
    breakInside: 'avoid',
    breakAfter: 'avoid',
  }),
  objectiveTitle: css({ fontSize: '1.1em', fontWeight: theme.typography.fontWeightBold, overflowWrap: 'anywhere' }),
  objectiveProgress: css({
    fontSize: '1.3em',
    fontWeight: theme.typography.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
  }),
  keyResult: css({
    display: 'grid',
    gridTemplateColumns: '7em minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: '0.5em',
    padding: '0.35em 0',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    breakInside: 'avoid',
  }),
  chip: css({ fontSize: '0.8em', justifySelf: 'start', borderWidth: 'max(2px, 0.1em)' }),
  statusCell: css({ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: '0.15em' }),
  // Same size and ink as the values: readable across the room, yet plainly below the chip.
  daysLeft: css({
    fontSize: '0.7em',
    color: theme.colors.text.primary,
    fontVariantNumeric: 'tabular-nums',
  }),
  text: css({ minWidth: 0 }),
  // Readers across the room need the whole title: wrap it, and cut only beyond MAX_TITLE_LINES lines
  // (wallLayout budgets the height of those lines).
  title: css({
    fontWeight: theme.typography.fontWeightMedium,
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: String(MAX_TITLE_LINES),
    overflow: 'hidden',
  }),
  values: css({
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '0.75em',
    fontSize: '0.7em',
    color: theme.colors.text.primary,
    fontVariantNumeric: 'tabular-nums',
  }),
  progressCell: css({ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }),
  progressMeaning: css({
    fontSize: '0.55em',
    color: theme.colors.text.primary,
    textAlign: 'right',
    whiteSpace: 'nowrap',
  }),
  progress: css({
    fontSize: '1.8em',
    fontWeight: theme.typography.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
    minWidth: '3.2ch',
    textAlign: 'right',
  }),
  // A whole line of its own, cut with an ellipsis: the wall budgets one short line for it (CHECK_IN_LINE).
  checkInNote: css({
    fontSize: '0.6em',
    color: theme.colors.text.primary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  krMessage: css({
    fontSize: '0.55em',
    color: theme.colors.warning.text,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  message: css({ fontSize: '0.6em', color: theme.colors.warning.text, breakInside: 'avoid' }),
  empty: css({ fontSize: '2em', color: theme.colors.text.secondary }),
});
