import { css, cx } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { ObjectiveModel, PanelModel } from '../okr';
import { testIds } from '../selectors';
import { useKeyResultColors } from '../display/keyResultColors';
import { KeyResultRow, WIDE_COLUMNS } from './KeyResultRow';
import { NO_VALUE } from '../display/format';
import { ProgressBar } from '../display/ProgressBar';
import { PanelNotices } from './PanelNotices';
import { StatusChip } from '../display/StatusChip';

export interface ScorecardProps {
  model: PanelModel;
  width: number;
  height: number;
  /** The dashboard's time zone, for check-in days. */
  timeZone?: string;
}

/** Below this panel width the rows become cards: cells stacked, no sparkline (eight columns need the room). */
export const COMPACT_WIDTH = 900;

/**
 * Objectives with their weighted roll-up, and a row per key result, for reading at a desk: everything
 * drawn here was computed by the core (progress, expected, status, breaches); the view only formats it.
 */
export function Scorecard({ model, width, height, timeZone }: ScorecardProps) {
  const styles = useStyles2(getStyles);
  const compact = width < COMPACT_WIDTH;
  const objectives = model.objectives ?? [];
  const colors = useKeyResultColors(model);
  return (
    <div className={styles.scorecard} style={{ width, height }} data-testid="okr-scorecard">
      <PanelNotices messages={model.messages} empty={objectives.length === 0} classNames={styles} />
      {!compact && objectives.length > 0 && <ColumnHeader />}
      {objectives.map((objective) => (
        <ObjectiveSection
          key={objective.id}
          objective={objective}
          compact={compact}
          timeZone={timeZone}
          colors={colors}
        />
      ))}
    </div>
  );
}

function ColumnHeader() {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.columnHeader} aria-hidden="true">
      <span>Key result</span>
      <span>Current / target</span>
      <span>Progress</span>
      <span>Status</span>
      <span>Period</span>
      <span>Forecast</span>
      <span>Breaches</span>
      <span>This period</span>
    </div>
  );
}

function ObjectiveSection({
  objective,
  compact,
  timeZone,
  colors,
}: {
  objective: ObjectiveModel;
  compact: boolean;
  timeZone?: string;
  /** The key results' line colours (keyResultColors), for the rows' swatches. */
  colors: Map<string, string>;
}) {
  const styles = useStyles2(getStyles);
  const secondary = [objective.owner, objective.description].filter(Boolean).join(' · ');
  const keyResults = objective.keyResults ?? [];
  return (
    <section className={styles.objective} data-testid="okr-objective" data-objective-id={objective.id}>
      <header
        className={cx(styles.objectiveHeader, compact ? styles.objectiveHeaderCompact : styles.objectiveHeaderWide)}
      >
        <div className={styles.objectiveTitleCell}>
          <h3 className={styles.objectiveTitle}>{objective.title}</h3>
          {secondary && <span className={styles.secondary}>{secondary}</span>}
        </div>
        <span className={styles.rollUp} data-testid="okr-objective-progress">
          <ProgressBar progress={objective.progress} expected={null} status={objective.status} />
        </span>
        <span className={styles.objectiveStatus}>
          <StatusChip status={objective.status} />
        </span>
      </header>
      {(objective.messages ?? []).map((message) => (
        <div key={message} className={styles.message} data-testid={testIds.message}>
          {message}
        </div>
      ))}
      {keyResults.length === 0 && <div className={styles.empty}>{NO_VALUE}</div>}
      {keyResults.map((kr) => (
        <KeyResultRow key={kr.id} kr={kr} compact={compact} timeZone={timeZone} color={colors.get(kr.id)} />
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scorecard: css({
    // width/height are the panel's outer size; the padding must fit inside them.
    boxSizing: 'border-box',
    overflow: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.5),
  }),
  // Stays in view while the rows scroll under it; its padding and border match a row's inside an
  // objective's border, so every label sits over its column.
  columnHeader: css({
    position: 'sticky',
    top: 0,
    zIndex: 1,
    background: theme.colors.background.primary,
    borderLeft: '1px solid transparent',
    borderRight: '1px solid transparent',
    paddingBottom: theme.spacing(0.5),
    display: 'grid',
    gridTemplateColumns: WIDE_COLUMNS,
    columnGap: theme.spacing(2),
    padding: theme.spacing(0, 1),
    color: theme.colors.text.secondary,
    // The columns are in em: the grid keeps the rows' font size, only the labels are small.
    '& > span': { fontSize: theme.typography.bodySmall.fontSize },
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  }),
  objective: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
  }),
  objectiveHeader: css({
    display: 'grid',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
  }),
  // The roll-up and its status sit in the rows' progress and status columns.
  objectiveHeaderWide: css({
    gridTemplateColumns: WIDE_COLUMNS,
    gridTemplateAreas: '"title title progress status . . . ."',
  }),
  objectiveHeaderCompact: css({
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gridTemplateAreas: '"title status" "progress progress"',
  }),
  objectiveStatus: css({ gridArea: 'status', justifySelf: 'start' }),
  objectiveTitleCell: css({ gridArea: 'title', display: 'flex', flexDirection: 'column', minWidth: 0 }),
  objectiveTitle: css({ margin: 0, fontSize: theme.typography.h5.fontSize, overflowWrap: 'anywhere' }),
  secondary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  rollUp: css({ gridArea: 'progress', minWidth: 0 }),
  message: css({ color: theme.colors.warning.text, padding: theme.spacing(0.5, 1), overflowWrap: 'anywhere' }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
