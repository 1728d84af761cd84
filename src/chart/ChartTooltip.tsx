import { css } from '@emotion/css';
import React, { useCallback, useEffect, useState } from 'react';
import type uPlot from 'uplot';

import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { DEFAULT_ANNOTATION_COLOR, useStyles2, useTheme2 } from '@grafana/ui';

import { formatKeyResultValue, formatPercent } from '../display/format';
import { forecastParts, formatBreach } from '../display/labels';
import { AnnotationModel, heldValueAt, KeyResultModel, targetAt, valueOnPace } from '../okr';
import { ChartSeries, CheckInMarker } from './chartModel';
import { eventsAt, EventsAt } from './eventsAt';
import { CHECK_IN_RADIUS } from './overlays/checkIns';

interface Props {
  u: uPlot;
  timeZone: string;
  dataIdxs: Array<number | null>;
  series: ChartSeries[];
  annotations: AnnotationModel[];
}

/** How near the cursor (CSS px) a check-in or an annotation must be to be listed: about its marker's width. */
const EVENT_TOLERANCE_PX = CHECK_IN_RADIUS + 3;

/**
 * At the hovered time: each series' value and, per key result on it, target, expected value, gap and breach;
 * then the check-ins and annotations under the cursor (eventsAt), with their notes and text.
 */
export function ChartTooltip({ u, dataIdxs, series, annotations, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const index = dataIdxs.find((i): i is number => i !== null);
  const events = useEventsUnderCursor(u, series, annotations);
  if (index === undefined && events.checkIns.length === 0 && events.annotations.length === 0) {
    return null;
  }
  return (
    <div className={styles.tooltip} data-testid="okr-tooltip">
      {index !== undefined && (
        <SeriesLines u={u} index={index} dataIdxs={dataIdxs} series={series} timeZone={timeZone} />
      )}
      {events.checkIns.map((marker) => (
        <CheckInLines key={`${marker.kr.id}:${marker.time}`} marker={marker} timeZone={timeZone} />
      ))}
      {events.annotations.map((annotation, i) => (
        <AnnotationLines key={`${annotation.time}:${i}`} annotation={annotation} timeZone={timeZone} />
      ))}
    </div>
  );
}

/**
 * The check-ins and annotations under the cursor, following the mouse. Grafana's tooltip re-renders only
 * when the hovered sample changes, and between sparse samples (a manual key result's check-ins) the cursor
 * can pass a check-in or an annotation without that: so this listens to the plot's own mouse moves, and
 * re-renders the tooltip only when what lies under the cursor changes.
 */
function useEventsUnderCursor(u: uPlot, series: ChartSeries[], annotations: AnnotationModel[]): EventsAt {
  const find = useCallback(() => eventsAt({ series, annotations, ...cursorTime(u) }), [u, series, annotations]);
  const [, setShown] = useState('');
  useEffect(() => {
    const follow = () => setShown(eventsKey(find()));
    u.over.addEventListener('mousemove', follow);
    return () => u.over.removeEventListener('mousemove', follow);
  }, [u, find]);
  return find();
}

function cursorTime(u: uPlot): { time: number; toleranceMs: number } {
  const left = u.cursor.left ?? -1;
  if (left < 0) {
    return { time: NaN, toleranceMs: 0 };
  }
  const time = u.posToVal(left, 'x');
  return { time, toleranceMs: Math.abs(u.posToVal(left + EVENT_TOLERANCE_PX, 'x') - time) };
}

function eventsKey(events: EventsAt): string {
  const checkIns = events.checkIns.map((marker) => `${marker.kr.id}@${marker.time}`);
  const annotations = events.annotations.map((annotation) => `${annotation.time}-${annotation.timeEnd}`);
  return [...checkIns, '|', ...annotations].join(',');
}

function SeriesLines({
  u,
  index,
  dataIdxs,
  series,
  timeZone,
}: {
  u: uPlot;
  index: number;
  dataIdxs: Array<number | null>;
  series: ChartSeries[];
  timeZone: string;
}) {
  const styles = useStyles2(getStyles);
  const time = (u.data[0] as ArrayLike<number>)[index];
  return (
    <>
      <div className={styles.time}>{dateTimeFormat(time, { timeZone })}</div>
      {series.map((entry, s) => {
        const value = entry.steps ? heldValue(entry, time) : sampleValue(u, s + 1, dataIdxs[s + 1]);
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
    </>
  );
}

/** The hovered sample of a line (uPlot's nearest for that line); null for a gap. */
function sampleValue(u: uPlot, seriesIndex: number, dataIndex: number | null | undefined): number | null {
  const raw =
    dataIndex === null || dataIndex === undefined ? null : (u.data[seriesIndex] as ArrayLike<number | null>)[dataIndex];
  return raw === null || raw === undefined || raw !== raw ? null : raw;
}

/**
 * A step line (a manual key result) at the hovered time: the value it holds then, not uPlot's nearest sample,
 * which may be the next check-in.
 */
function heldValue(entry: ChartSeries, time: number): number | null {
  const kr = entry.keyResults[0];
  return kr ? heldValueAt(kr, time) : null;
}

/** A check-in: whose, when, the value and confidence given, and the note with its author (as text). */
function CheckInLines({ marker, timeZone }: { marker: CheckInMarker; timeZone: string }) {
  const styles = useStyles2(getStyles);
  const { kr, checkIn } = marker;
  return (
    <div className={styles.event} data-testid="okr-tooltip-check-in" data-kr-id={kr.id}>
      <div className={styles.krTitle}>Check-in · {kr.title}</div>
      <div className={styles.eventTime}>{dateTimeFormat(checkIn.time, { timeZone })}</div>
      {checkIn.value !== null && <Line name="Value" value={formatKeyResultValue(kr, checkIn.value)} />}
      {checkIn.confidence !== null && <Line name="Confidence" value={formatPercent(checkIn.confidence)} />}
      {checkIn.note !== null && <div className={styles.text}>{checkIn.note}</div>}
      {checkIn.author !== null && <div className={styles.eventTime}>— {checkIn.author}</div>}
    </div>
  );
}

/** An annotation as Grafana's tooltip gives it: time (and end), title, text and tags, all as text. */
function AnnotationLines({ annotation, timeZone }: { annotation: AnnotationModel; timeZone: string }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const color = theme.visualization.getColorByName(annotation.color ?? DEFAULT_ANNOTATION_COLOR);
  const when =
    dateTimeFormat(annotation.time, { timeZone }) +
    (annotation.timeEnd === null ? '' : ` – ${dateTimeFormat(annotation.timeEnd, { timeZone })}`);
  return (
    <div className={styles.event} data-testid="okr-tooltip-annotation" style={{ borderLeftColor: color }}>
      {annotation.title !== null && <div className={styles.krTitle}>{annotation.title}</div>}
      <div className={styles.eventTime}>{when}</div>
      {annotation.text !== null && <div className={styles.text}>{annotation.text}</div>}
      {annotation.tags.length > 0 && <div className={styles.eventTime}>{annotation.tags.join(' · ')}</div>}
    </div>
  );
}

function KeyResultLines({ kr, time, value }: { kr: KeyResultModel; time: number; value: number | null }) {
  const styles = useStyles2(getStyles);
  const expected = expectedValueAt(kr, time);
  // A target that changes over time: the one in force at the hovered time.
  const target = kr.targetSteps.length > 0 ? targetAt(kr, time) : kr.target;
  const breach = kr.breaches.find((b) => time >= b.start && time <= b.end);
  // Where the trend lands at the period's end, and the run-rate still needed (increase/decrease only).
  const forecast = forecastParts(kr);
  return (
    <div className={styles.kr} data-testid="okr-tooltip-kr" data-kr-id={kr.id} data-in-breach={String(Boolean(breach))}>
      <div className={styles.krTitle}>{kr.title}</div>
      <Line name="Target" value={target === null ? '–' : formatKeyResultValue(kr, target)} />
      {expected !== null && <Line name="Expected" value={formatKeyResultValue(kr, expected)} />}
      {expected !== null && value !== null && (
        <Line name="Gap" value={signed(formatKeyResultValue(kr, value - expected), value - expected)} />
      )}
      <Line name="Breach" value={breach ? formatBreach(kr, breach) : 'no'} />
      {forecast && <Line name="Forecast" value={`${forecast.value}, ${forecast.verdict}`} />}
      {forecast?.needs && <Line name="Needs" value={forecast.needs} />}
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
  event: css({
    marginTop: theme.spacing(1),
    paddingLeft: theme.spacing(1),
    borderLeft: `2px solid ${theme.colors.border.medium}`,
    maxWidth: 320,
  }),
  eventTime: css({ color: theme.colors.text.secondary }),
  text: css({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
});
