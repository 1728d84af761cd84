import { css } from '@emotion/css';
import React from 'react';
import type uPlot from 'uplot';

import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { formatKeyResultValue } from '../components/format';
import { KeyResultModel, targetAt, valueOnPace } from '../okr';
import { ChartSeries } from './chartModel';

interface Props {
  u: uPlot;
  timeZone: string;
  dataIdxs: Array<number | null>;
  series: ChartSeries[];
}

/** At the hovered time: each series' value and, per key result on it, target, expected value, gap and breach. */
export function ChartTooltip({ u, dataIdxs, series, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const index = dataIdxs.find((i): i is number => i !== null);
  if (index === undefined) {
    return null;
  }
  const time = (u.data[0] as ArrayLike<number>)[index];
  return (
    <div className={styles.tooltip} data-testid="okr-tooltip">
      <div className={styles.time}>{dateTimeFormat(time, { timeZone })}</div>
      {series.map((entry, s) => {
        const dataIndex = dataIdxs[s + 1];
        const raw =
          dataIndex === null || dataIndex === undefined ? null : (u.data[s + 1] as ArrayLike<number | null>)[dataIndex];
        const value = raw === null || raw === undefined || raw !== raw ? null : raw;
        return (
          <div key={entry.label} className={styles.series}>
            <div className={styles.row}>
              <span className={styles.swatch} style={{ background: entry.color }} />
              <span className={styles.label}>{entry.label}</span>
              <span className={styles.value} data-testid="okr-tooltip-value">
                {entry.keyResults[0] ? formatKeyResultValue(entry.keyResults[0], value) : String(value ?? '–')}
              </span>
            </div>
            {entry.keyResults.map((kr) => (
              <KeyResultLines key={kr.id} kr={kr} time={time} value={value} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

function KeyResultLines({ kr, time, value }: { kr: KeyResultModel; time: number; value: number | null }) {
  const styles = useStyles2(getStyles);
  const expected = expectedValueAt(kr, time);
  // A target that changes over time: the one in force at the hovered time.
  const target = kr.targetSteps.length > 0 ? targetAt(kr, time) : kr.target;
  const breach = kr.breaches.find((b) => time >= b.start && time <= b.end);
  return (
    <div className={styles.kr} data-testid="okr-tooltip-kr" data-kr-id={kr.id} data-in-breach={String(Boolean(breach))}>
      <div className={styles.krTitle}>{kr.title}</div>
      <Line name="Target" value={target === null ? '–' : formatKeyResultValue(kr, target)} />
      {expected !== null && <Line name="Expected" value={formatKeyResultValue(kr, expected)} />}
      {expected !== null && value !== null && (
        <Line name="Gap" value={signed(formatKeyResultValue(kr, value - expected), value - expected)} />
      )}
      <Line name="Breach" value={breach ? `yes (${breach.severity})` : 'no'} />
    </div>
  );
}

function Line({ name, value }: { name: string; value: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.row}>
      <span className={styles.label}>{name}</span>
      <span className={styles.value}>{value}</span>
    </div>
  );
}

/**
 * The expected value on the pace line at `time`, inside the key result's period (increase/decrease only);
 * with a target that changes over time, the target in force then.
 */
function expectedValueAt(kr: KeyResultModel, time: number): number | null {
  if (!kr.kind.startsWith('stay') && kr.targetSteps.length > 0) {
    return targetAt(kr, time);
  }
  if (
    kr.kind.startsWith('stay') ||
    kr.pace.length < 2 ||
    !kr.period ||
    time < kr.period.start ||
    time >= kr.period.end
  ) {
    return null;
  }
  return valueOnPace(kr.pace, time);
}

function signed(text: string, value: number): string {
  return value > 0 && !text.startsWith('+') ? `+${text}` : text;
}

const getStyles = (theme: GrafanaTheme2) => ({
  tooltip: css({ padding: theme.spacing(1), minWidth: 220, fontSize: theme.typography.bodySmall.fontSize }),
  time: css({ fontWeight: theme.typography.fontWeightMedium, marginBottom: theme.spacing(0.5) }),
  series: css({ '& + &': { marginTop: theme.spacing(1) } }),
  row: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', justifyContent: 'space-between' }),
  swatch: css({ width: 12, height: 3, borderRadius: 1, flex: 'none' }),
  label: css({ color: theme.colors.text.secondary, flex: 1 }),
  value: css({ fontWeight: theme.typography.fontWeightMedium, fontVariantNumeric: 'tabular-nums' }),
  kr: css({
    marginTop: theme.spacing(0.5),
    paddingLeft: theme.spacing(1),
    borderLeft: `2px solid ${theme.colors.border.medium}`,
  }),
  krTitle: css({ fontWeight: theme.typography.fontWeightMedium }),
});
