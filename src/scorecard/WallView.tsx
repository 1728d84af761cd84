import { css } from '@emotion/css';
import React, { useEffect, useState } from 'react';

import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { formatKeyResultValue, formatPercent, NO_VALUE } from '../display/format';
import { InlineMessages } from '../display/InlineMessages';
import { summaryAttributes } from '../display/summaryAttributes';
import { isStayKind, KeyResultModel, ObjectiveModel, PanelModel } from '../okr';
import { testIds } from '../selectors';
import { DEFAULT_WALL_OPTIONS } from '../types';
import { BreachIndicator } from '../display/BreachIndicator';
import { formatPeriodPosition, periodName, periodPosition } from '../display/daysLeft';
import { formatCheckIn, formatForecast, formatGoal } from '../display/labels';
import { clampUnit, ProgressTrack } from '../display/ProgressBar';
import { chipColors, StatusChip } from '../display/StatusChip';
import { useKeyResultColors } from '../display/keyResultColors';
import { Swatch } from '../display/Swatch';
import { GAP_EM, HEADER_EM, OBJECTIVE_EM, OBJECTIVE_MESSAGE_EM, TILE_EM, wallPlan, WallSection } from './wallLayout';

export interface WallViewProps {
  model: PanelModel;
  width: number;
  height: number;
  /** The dashboard's time zone, for "as of" and check-in days. */
  timeZone?: string;
  /** Seconds each page shows when the key results need more than one (options.wall.pageSeconds). */
  pageSeconds?: number;
}

const DEFAULT_PAGE_SECONDS = DEFAULT_WALL_OPTIONS.pageSeconds;

/**
 * The OKRs for a TV across the room: no interaction, type sized from the panel (wallLayout), every key
 * result on some page, pages that turn by themselves. Per key result a tile tinted by its status, with the
 * status as icon and word, the KPI's current value as the big number beside its target, a progress bar with
 * the expected-pace tick (for stay kinds: the share of time within target), and one line that says what
 * comes next (the forecast and run-rate needed, breaches, or the latest check-in). The period, days left and
 * "as of" are said once, in the header. Everything is in em, so the one computed font size scales the view.
 * Key results on other pages keep their summary element (hidden), so the render report lists them all.
 */
export function WallView({ model, width, height, timeZone, pageSeconds = DEFAULT_PAGE_SECONDS }: WallViewProps) {
  const styles = useStyles2(getStyles);
  const objectives = model.objectives ?? [];
  const plan = wallPlan({
    width,
    height,
    objectives: objectives.map((objective) => ({
      keyResults: objective.keyResults?.length ?? 0,
      messages: (objective.messages?.length ?? 0) > 0,
    })),
  });
  const pageCount = plan.pages.length;
  const page = usePageTurner(pageCount, pageSeconds);
  const sections = plan.pages[page % pageCount] ?? [];
  const keyResults = objectives.flatMap((objective) => objective.keyResults ?? []);
  const period = sharedPeriod(keyResults);
  const colors = useKeyResultColors(model);
  const shown = new Set(sections.flatMap((section) => section.keyResults.map((kr) => `${section.objective}/${kr}`)));
  return (
    <div
      className={styles.wall}
      style={{ width, height, fontSize: plan.fontSize }}
      data-testid="okr-wall"
      data-columns={plan.columns}
      data-page={page + 1}
      data-pages={pageCount}
    >
      <WallHeader model={model} period={period} timeZone={timeZone} page={page} pageCount={pageCount} />
      {objectives.length === 0 && (
        <div className={styles.empty} data-testid="okr-empty">
          {NO_VALUE}
        </div>
      )}
      <div className={styles.grid} style={{ gridTemplateColumns: `repeat(${plan.columns}, minmax(0, 1fr))` }}>
        {sections.map((section) => (
          <WallSectionView
            key={`${section.objective}/${section.keyResults[0] ?? 'none'}`}
            objective={objectives[section.objective]}
            section={section}
            sharedPeriod={period?.label ?? null}
            timeZone={timeZone}
            colors={colors}
          />
        ))}
      </div>
      <div hidden data-testid="okr-wall-other-pages">
        {objectives.flatMap((objective, o) =>
          (objective.keyResults ?? []).map((kr, k) =>
            shown.has(`${o}/${k}`) ? null : <span key={`${o}/${k}`} {...summaryAttributes(kr)} />
          )
        )}
      </div>
    </div>
  );
}

/** The page on show: turns every `seconds` while there is more than one; a page beyond a new count reads as the first. */
function usePageTurner(pageCount: number, seconds: number): number {
  const [page, setPage] = useState(0);
  const interval = Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : DEFAULT_PAGE_SECONDS * 1000;
  useEffect(() => {
    if (pageCount <= 1) {
      return;
    }
    const timer = setInterval(() => setPage((current) => (current + 1) % pageCount), interval);
    return () => clearInterval(timer);
  }, [pageCount, interval]);
  return page < pageCount ? page : 0;
}

/** "Q3 2026 · 47 days left", the panel's messages, "as of Aug 15, 12:00", "1/3": said once for the whole wall. */
function WallHeader(props: {
  model: PanelModel;
  period: { label: string; position: string | null } | null;
  timeZone?: string;
  page: number;
  pageCount: number;
}) {
  const { model, period, timeZone, page, pageCount } = props;
  const styles = useStyles2(getStyles);
  const keyResults = (model.objectives ?? []).flatMap((objective) => objective.keyResults ?? []);
  const lastData = lastDataTime(keyResults);
  const messages = model.messages ?? [];
  return (
    <header className={styles.header} data-testid="okr-wall-header">
      {period && (
        <span className={styles.period} data-testid="okr-wall-period">
          {periodName(period.label)}
          {period.position && <span className={styles.soft}> · {period.position}</span>}
        </span>
      )}
      <span className={styles.panelMessages} title={messages.join('\n')}>
        {messages.map((message) => (
          <span key={message} className={styles.panelMessage} data-testid={testIds.message}>
            {message}
          </span>
        ))}
      </span>
      {lastData !== null && (
        <span className={styles.soft} data-testid="okr-wall-as-of">
          as of {dateTimeFormat(lastData, { format: 'MMM D, HH:mm', timeZone })}
        </span>
      )}
      {pageCount > 1 && (
        <span className={styles.pageNumber} data-testid="okr-wall-page">
          {page + 1}/{pageCount}
        </span>
      )}
    </header>
  );
}

function WallSectionView(props: {
  objective: ObjectiveModel;
  section: WallSection;
  sharedPeriod: string | null;
  timeZone?: string;
  colors: Map<string, string>;
}) {
  const { objective, section, sharedPeriod, timeZone, colors } = props;
  const styles = useStyles2(getStyles);
  const messages = objective.messages ?? [];
  const keyResults = objective.keyResults ?? [];
  return (
    <>
      <div
        className={styles.objective}
        style={{ height: `${OBJECTIVE_EM + (messages.length > 0 ? OBJECTIVE_MESSAGE_EM : 0)}em` }}
        data-testid="okr-objective"
        data-objective-id={objective.id}
      >
        <div className={styles.objectiveLine}>
          <span className={styles.objectiveTitle} title={objective.title}>
            {objective.title}
            {section.continued && <span className={styles.soft}> (continued)</span>}
          </span>
          <span className={styles.objectiveProgress} data-testid="okr-objective-progress">
            {formatPercent(objective.progress)}
          </span>
          <StatusChip status={objective.status} className={styles.objectiveChip} />
        </div>
        {messages.length > 0 && (
          <div className={styles.objectiveMessage} title={messages.join('\n')}>
            <InlineMessages messages={messages} />
          </div>
        )}
      </div>
      {section.keyResults.map((index) => (
        <WallTile
          key={keyResults[index].id}
          kr={keyResults[index]}
          sharedPeriod={sharedPeriod}
          timeZone={timeZone}
          color={colors.get(keyResults[index].id)}
        />
      ))}
    </>
  );
}

function WallTile(props: { kr: KeyResultModel; sharedPeriod: string | null; timeZone?: string; color?: string }) {
  const { kr, sharedPeriod, timeZone, color } = props;
  const styles = useStyles2(getTileStyles, kr.status);
  const ownPeriod = kr.period && kr.period.label !== sharedPeriod ? tilePeriod(kr) : null;
  const stay = isStayKind(kr.kind);
  const fill = clampUnit(kr.progress);
  const tick = stay ? null : clampUnit(kr.expected);
  return (
    <div className={styles.tile} {...summaryAttributes(kr)}>
      <div className={styles.statusRow}>
        <StatusChip status={kr.status} className={styles.chip} />
        <span className={styles.aside} data-testid="okr-tile-aside">
          {[ownPeriod, kr.owner].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div className={styles.titleCell}>
        <div className={styles.title} data-testid="okr-kr-title" title={kr.title}>
          {color && (
            <span className={styles.swatch}>
              <Swatch color={color} />
            </span>
          )}
          {kr.title}
        </div>
      </div>
      <div className={styles.numbers} data-testid="okr-kr-values">
        <span className={styles.current} data-testid="okr-current">
          {formatKeyResultValue(kr, kr.current)}
        </span>
        <span className={styles.goal}>/ {formatGoal(kr)}</span>
      </div>
      <div className={styles.barRow}>
        <ProgressTrack fill={fill} tick={tick} valueText={progressText(kr)} classNames={styles} />
        <span className={styles.percent} data-testid="okr-progress-label">
          {progressText(kr)}
        </span>
      </div>
      <div className={styles.detail}>
        <TileDetail kr={kr} timeZone={timeZone} />
      </div>
    </div>
  );
}

/**
 * What comes next, in one line: a problem first (the key result's own message), then the breaches (always
 * for a stay key result), the latest check-in (confidence and note: the owner's voice), and the forecast with
 * the run-rate still needed. What does not fit ends in an ellipsis; the whole line is its `title`.
 */
function TileDetail({ kr, timeZone }: { kr: KeyResultModel; timeZone?: string }) {
  const styles = useStyles2(getTileStyles, kr.status);
  if (kr.messages.length > 0 && (kr.current === null || kr.status === 'invalid' || kr.status === 'noData')) {
    return (
      <span className={styles.message} title={kr.messages.join('\n')}>
        <InlineMessages messages={kr.messages} />
      </span>
    );
  }
  const checkIn = formatCheckIn(kr.latestCheckIn, timeZone);
  const checkInText = [checkIn.confidence, checkIn.note].filter(Boolean).join(' · ');
  const forecast = formatForecast(kr);
  const breaches = isStayKind(kr.kind) || kr.breachCount > 0 || kr.ongoingBreach;
  const whole = [checkInText, forecast].filter(Boolean).join(' · ');
  return (
    <span className={styles.detailText} title={whole || undefined}>
      {breaches && <BreachIndicator count={kr.breachCount} ongoing={kr.ongoingBreach} pulse />}
      {checkInText && <span data-testid="okr-check-in">{checkInText}</span>}
      {forecast && <span data-testid="okr-forecast">{forecast}</span>}
    </span>
  );
}

/** "54%" (of the way to the target, expected 50%) or, for the stay kinds, "97% of time within target". */
function progressText(kr: KeyResultModel): string {
  const percent = formatPercent(kr.progress);
  if (isStayKind(kr.kind)) {
    return kr.progress === null ? percent : `${percent} of time within target`;
  }
  const expected = kr.expected === null ? '' : ` · pace ${formatPercent(kr.expected)}`;
  return `${percent}${expected}`;
}

/**
 * The period most key results share (the first such, on a tie), with "47 days left": said once in the
 * header. A key result in another period says its own on its tile (tilePeriod).
 */
function sharedPeriod(keyResults: KeyResultModel[]): { label: string; position: string | null } | null {
  const counts = new Map<string, { count: number; kr: KeyResultModel }>();
  for (const kr of keyResults) {
    if (kr.period) {
      const entry = counts.get(kr.period.label);
      counts.set(kr.period.label, { count: (entry?.count ?? 0) + 1, kr: entry?.kr ?? kr });
    }
  }
  let best: { count: number; kr: KeyResultModel } | null = null;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count) {
      best = entry;
    }
  }
  if (!best?.kr.period) {
    return null;
  }
  const position = periodPosition(best.kr.period, best.kr.asOf);
  return { label: best.kr.period.label, position: position ? formatPeriodPosition(position) : null };
}

/** A key result outside the header's period: "H2 2026 · 139 days left". */
function tilePeriod(kr: KeyResultModel): string | null {
  if (!kr.period) {
    return null;
  }
  const position = periodPosition(kr.period, kr.asOf);
  return position ? `${periodName(kr.period.label)} · ${formatPeriodPosition(position)}` : periodName(kr.period.label);
}

/** The time of the newest sample any key result was judged on, up to its as-of: "as of" that moment. */
function lastDataTime(keyResults: KeyResultModel[]): number | null {
  let latest: number | null = null;
  for (const kr of keyResults) {
    const times = kr.times;
    const asOf = kr.asOf ?? Infinity;
    for (let i = (times?.length ?? 0) - 1; i >= 0; i--) {
      if (times[i] <= asOf) {
        latest = latest === null ? times[i] : Math.max(latest, times[i]);
        break;
      }
    }
  }
  return latest;
}

const oneLine = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const getStyles = (theme: GrafanaTheme2) => ({
  wall: css({
    // width/height are the panel's outer size; the padding must fit inside them.
    boxSizing: 'border-box',
    overflow: 'hidden',
    padding: '0 0.5em',
    lineHeight: 1.2,
    color: theme.colors.text.maxContrast,
    background: theme.colors.background.primary,
  }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    gap: '0.6em',
    height: `${HEADER_EM}em`,
    fontSize: '0.8em',
    fontVariantNumeric: 'tabular-nums',
  }),
  period: css({ fontWeight: theme.typography.fontWeightBold, whiteSpace: 'nowrap' }),
  soft: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightRegular, whiteSpace: 'nowrap' }),
  panelMessages: css({ flex: '1 1 auto', minWidth: 0, ...oneLine, color: theme.colors.warning.text }),
  panelMessage: css({ marginRight: '1em' }),
  pageNumber: css({ fontWeight: theme.typography.fontWeightBold, whiteSpace: 'nowrap' }),
  grid: css({ display: 'grid', gap: `${GAP_EM}em`, alignContent: 'start' }),
  objective: css({
    gridColumn: '1 / -1',
    boxSizing: 'border-box',
    borderBottom: `max(2px, 0.06em) solid ${theme.colors.border.strong}`,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'flex-end',
  }),
  objectiveLine: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    alignItems: 'center',
    columnGap: '0.5em',
    height: `${OBJECTIVE_EM}em`,
  }),
  // One line, cut with an ellipsis: a 5,000-character title must not push the key results off the wall.
  objectiveTitle: css({ fontSize: '1em', fontWeight: theme.typography.fontWeightBold, ...oneLine }),
  objectiveProgress: css({
    fontSize: '1em',
    fontWeight: theme.typography.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
  }),
  objectiveChip: css({ fontSize: '0.7em' }),
  objectiveMessage: css({
    height: `${OBJECTIVE_MESSAGE_EM}em`,
    fontSize: '0.7em',
    lineHeight: `${OBJECTIVE_MESSAGE_EM / 0.7}em`,
    color: theme.colors.warning.text,
    ...oneLine,
  }),
  empty: css({ fontSize: '2em', color: theme.colors.text.secondary }),
});

const getTileStyles = (theme: GrafanaTheme2, status: KeyResultModel['status']) => {
  const colors = chipColors(theme, status);
  return {
    // Fixed rows that add up to TILE_EM with the padding: the plan's arithmetic is the page's.
    tile: css({
      boxSizing: 'border-box',
      height: `${TILE_EM}em`,
      padding: '0.25em 0.5em',
      display: 'grid',
      gridTemplateRows: '1em 1.92em 1.8em 0.85em 0.85em',
      minWidth: 0,
      overflow: 'hidden',
      background: colors.background,
      borderLeft: `0.25em solid ${colors.border}`,
      borderRadius: theme.shape.radius.default,
    }),
    statusRow: css({ display: 'flex', alignItems: 'center', gap: '0.5em', minWidth: 0 }),
    chip: css({ fontSize: '0.7em', lineHeight: 1.15, padding: '0 0.5em 0 0.35em', flex: '0 0 auto' }),
    aside: css({ fontSize: '0.7em', color: theme.colors.text.primary, marginLeft: 'auto', ...oneLine }),
    titleCell: css({ minWidth: 0, overflow: 'hidden' }),
    swatch: css({ marginRight: '0.4em' }),
    // Two lines, then an ellipsis; the whole title is in its `title` attribute.
    title: css({
      fontSize: '0.8em',
      lineHeight: 1.2,
      fontWeight: theme.typography.fontWeightMedium,
      overflowWrap: 'anywhere',
      display: '-webkit-box',
      WebkitBoxOrient: 'vertical',
      WebkitLineClamp: '2',
      overflow: 'hidden',
    }),
    numbers: css({ display: 'flex', alignItems: 'baseline', gap: '0.3em', minWidth: 0, ...oneLine }),
    current: css({
      fontSize: '1.6em',
      lineHeight: 1.1,
      fontWeight: theme.typography.fontWeightBold,
      fontVariantNumeric: 'tabular-nums',
    }),
    goal: css({ fontSize: '0.8em', color: theme.colors.text.primary, fontVariantNumeric: 'tabular-nums', ...oneLine }),
    barRow: css({ display: 'flex', alignItems: 'center', gap: '0.4em', minWidth: 0 }),
    track: css({
      position: 'relative',
      flex: '1 1 40%',
      height: '0.3em',
      borderRadius: theme.shape.radius.pill,
      background: theme.colors.background.secondary,
      border: `max(1px, 0.03em) solid ${theme.colors.border.medium}`,
    }),
    fill: css({
      position: 'absolute',
      inset: 0,
      right: 'auto',
      borderRadius: theme.shape.radius.pill,
      background: colors.border,
    }),
    tick: css({
      position: 'absolute',
      top: '-0.2em',
      bottom: '-0.2em',
      width: 'max(2px, 0.08em)',
      marginLeft: '-0.04em',
      background: theme.colors.text.maxContrast,
    }),
    percent: css({
      flex: '0 1 auto',
      fontSize: '0.7em',
      fontVariantNumeric: 'tabular-nums',
      color: theme.colors.text.primary,
      ...oneLine,
    }),
    detail: css({ fontSize: '0.7em', minWidth: 0, display: 'flex', alignItems: 'center', ...oneLine }),
    detailText: css({
      color: theme.colors.text.primary,
      display: 'flex',
      alignItems: 'center',
      gap: '0.8em',
      minWidth: 0,
      '& > *': { flex: '0 0 auto' },
      '& > *:last-child': { flex: '0 1 auto', minWidth: 0, ...oneLine },
      ...oneLine,
    }),
    message: css({ color: theme.colors.warning.text, ...oneLine }),
  };
};
