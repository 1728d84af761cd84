import { css, cx } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { summaryAttributes } from '../display/summaryAttributes';
import { KeyResultModel } from '../okr';
import { testIds } from '../selectors';
import { BreachIndicator } from '../display/BreachIndicator';
import { formatPeriodPosition, periodName, periodPosition } from '../display/daysLeft';
import { forecastParts, formatCheckIn, formatCurrentVsTarget, progressMeaning } from '../display/labels';
import { ProgressBar } from '../display/ProgressBar';
import { SafeLink } from './SafeLink';
import { Sparkline } from './Sparkline';
import { StatusChip } from '../display/StatusChip';
import { Swatch } from '../display/Swatch';

const SPARKLINE_WIDTH = 120;
const SPARKLINE_HEIGHT = 28;

interface Props {
  kr: KeyResultModel;
  /** Narrow panels stack the cells and drop the sparkline. */
  compact: boolean;
  /** The dashboard's time zone, for check-in days. */
  timeZone?: string;
  /** The colour of the key result's line on the chart (keyResultColors); absent when it has none. */
  color?: string;
}

/**
 * One key result in the scorecard. This row is the only element carrying the KR's summaryAttributes,
 * so the render report counts it once.
 */
export function KeyResultRow({ kr, compact, timeZone, color }: Props) {
  const styles = useStyles2(getStyles);
  const secondary = [kr.owner, kr.description].filter(Boolean).join(' · ');
  const checkIn = formatCheckIn(kr.latestCheckIn, timeZone);
  return (
    <div className={styles.row} {...summaryAttributes(kr)}>
      <div className={cx(styles.cells, compact ? styles.compact : styles.wide)}>
        <div className={styles.titleCell}>
          <span className={styles.title}>
            {color && (
              <span className={styles.swatch}>
                <Swatch color={color} />
              </span>
            )}
            {kr.title}
            <SafeLink href={kr.link} className={styles.link}>
              <Icon name="external-link-alt" size="sm" aria-label={`Open ${kr.title}`} />
            </SafeLink>
          </span>
          {secondary && <span className={styles.secondary}>{secondary}</span>}
          {(checkIn.confidence || checkIn.note) && (
            <span className={styles.checkIn} data-testid="okr-check-in">
              {checkIn.confidence && <span className={styles.confidence}>{checkIn.confidence}</span>}
              {checkIn.confidence && checkIn.note && ' · '}
              {checkIn.note}
            </span>
          )}
        </div>
        <span className={styles.values} data-testid="okr-kr-values">
          {formatCurrentVsTarget(kr)}
        </span>
        <span className={styles.progress}>
          <ProgressBar
            progress={kr.progress}
            expected={kr.expected}
            status={kr.status}
            meaning={progressMeaning(kr.kind)}
          />
        </span>
        <span className={styles.status}>
          <StatusChip status={kr.status} />
        </span>
        <span className={styles.days}>
          {kr.period && <span className={styles.periodName}>{periodName(kr.period.label)}</span>}
          <span data-testid="okr-days-left">{formatPeriodPosition(periodPosition(kr.period, kr.asOf))}</span>
        </span>
        <ForecastCell kr={kr} className={styles.forecast} />
        <span className={styles.breaches}>
          <BreachIndicator count={kr.breachCount} ongoing={kr.ongoingBreach} longestSeconds={kr.longestBreachSeconds} />
        </span>
        {!compact && (
          <span className={styles.sparkline}>
            <Sparkline kr={kr} width={SPARKLINE_WIDTH} height={SPARKLINE_HEIGHT} />
          </span>
        )}
      </div>
      {kr.messages.map((message) => (
        <div key={message} className={styles.message} data-testid={testIds.message}>
          {message}
        </div>
      ))}
    </div>
  );
}

/** Where the trend lands ("$1.70M, 3% short") and the run-rate still needed ("needs +$1.2K/day"). */
function ForecastCell({ kr, className }: { kr: KeyResultModel; className: string }) {
  const parts = forecastParts(kr);
  return (
    <span className={className} data-testid="okr-forecast">
      {parts ? (
        <>
          <span>
            {parts.value}, {parts.verdict}
          </span>
          {parts.needs && <span>needs {parts.needs}</span>}
        </>
      ) : (
        '–'
      )}
    </span>
  );
}

/** The wide grid's columns, shared with the scorecard's header so the header lines up with every row. */
export const WIDE_COLUMNS = `minmax(0, 2.2fr) minmax(7.5em, 1.3fr) minmax(0, 1.5fr) 8.5em 7.5em minmax(9em, 1.2fr) minmax(8em, 1fr) ${SPARKLINE_WIDTH}px`;

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    padding: theme.spacing(0.75, 1),
    borderTop: `1px solid ${theme.colors.border.weak}`,
  }),
  cells: css({ display: 'grid', alignItems: 'center', columnGap: theme.spacing(2), rowGap: theme.spacing(0.5) }),
  wide: css({
    gridTemplateColumns: WIDE_COLUMNS,
    gridTemplateAreas: '"title values progress status days forecast breaches sparkline"',
  }),
  compact: css({
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gridTemplateAreas: '"title status" "values progress" "days breaches" "forecast forecast"',
  }),
  titleCell: css({ gridArea: 'title', display: 'flex', flexDirection: 'column', minWidth: 0 }),
  title: css({ fontWeight: theme.typography.fontWeightMedium, overflowWrap: 'anywhere' }),
  swatch: css({ marginRight: theme.spacing(0.75) }),
  link: css({ marginLeft: theme.spacing(0.5), color: theme.colors.text.link }),
  secondary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  checkIn: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    overflowWrap: 'anywhere',
  }),
  confidence: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
  values: css({ gridArea: 'values', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }),
  progress: css({ gridArea: 'progress', minWidth: 0 }),
  status: css({ gridArea: 'status', justifySelf: 'start' }),
  days: css({ gridArea: 'days', color: theme.colors.text.secondary, display: 'flex', flexDirection: 'column' }),
  periodName: css({ color: theme.colors.text.primary }),
  forecast: css({
    gridArea: 'forecast',
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
  }),
  breaches: css({ gridArea: 'breaches', minWidth: 0, display: 'flex', flexWrap: 'wrap' }),
  sparkline: css({ gridArea: 'sparkline' }),
  message: css({ color: theme.colors.warning.text, paddingTop: theme.spacing(0.5), overflowWrap: 'anywhere' }),
});
