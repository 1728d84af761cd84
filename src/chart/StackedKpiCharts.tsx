import { css } from '@emotion/css';
import React, { useId, useState } from 'react';

import { ScrollContainer, useStyles2 } from '@grafana/ui';

import { KeyResultSummary, SUMMARY_LINE_PX, summaryLines } from '../display/KeyResultSummary';
import { testIds } from '../selectors';
import { AxisWidthGroup } from './axisWidthGroup';
import { KeyResultChart } from './keyResultCharts';
import { keyResultEntryName } from './KeyResultLabel';
import { KpiPlot, KpiPlotProps } from './KpiPlot';

type Props = Omit<KpiPlotProps, 'chart' | 'syncKey' | 'timeLabels'> & {
  charts: KeyResultChart[];
  /** Whether the headings carry the key results' machine-readable summaries (no other view on the panel does). */
  headingSummaries: boolean;
};

/** The least height of a key result's plot (under its heading); below it the stack scrolls. */
export const MIN_PLOT_PX = 62;
/** A chart's time labels (the bottom one's, or every one's when the stack scrolls), added to its height. */
const TIME_LABELS_PX = 22;
/** Room for the scroll bar when the stack scrolls. */
const SCROLLBAR_PX = 12;

/**
 * One small chart per key result, stacked on one time axis: each is headed by the key result's summary line
 * (colour, title, status, current vs target, progress, breaches; its messages on a second line), all share the dashboard's range and one cursor (hover one, the crosshair shows at that
 * time on all), their value axes are equally wide so the plots line up, and the time labels sit under the
 * bottom chart. When the plots do not all fit at MIN_PLOT_PX the stack scrolls (none is dropped),
 * and then every chart has its own time labels. The headings are the legend, so there is no
 * other: the stack is the list "Key results".
 * Example: 4 one-line headings in 600×400 → plots of 66 + 66 + 66 + 88 px (the last with the time labels)
 * under 28 px headings; 8 → 84 px plots (62 + time labels), scrolling.
 */
export function StackedKpiCharts({ charts, width, height, eventBus, headingSummaries, ...plot }: Props) {
  const styles = useStyles2(getStyles);
  const syncKey = `okr-stack-${useId()}`;
  const [axisGroup] = useState(() => new AxisWidthGroup());
  const headings = charts.map(({ kr }) => summaryLines(kr) * SUMMARY_LINE_PX);
  const { plot: plotHeight, scrolls } = stackHeights(height, headings);
  const chartWidth = Math.max(0, scrolls ? width - SCROLLBAR_PX : width);
  return (
    <div data-testid={testIds.chart} data-layout="perKeyResult" style={{ width, height }}>
      <ScrollContainer>
        <ul className={styles.stack} role="list" aria-label="Key results" data-testid={testIds.keyResultLegend}>
          {charts.map(({ kr, chart }, i) => {
            // When the stack scrolls the bottom chart may be out of view, so each chart has its time labels.
            const timeLabels = scrolls || i === charts.length - 1;
            const chartHeight = plotHeight + (timeLabels ? TIME_LABELS_PX : 0);
            return (
              <li
                key={kr.id}
                className={styles.entry}
                style={{ height: headings[i] + chartHeight }}
                aria-label={keyResultEntryName(kr)}
                data-testid={testIds.keyResultChart}
                data-kr-id={kr.id}
              >
                <div style={{ height: headings[i] }} data-testid={testIds.keyResultEntry} data-kr-id={kr.id}>
                  <KeyResultSummary keyResult={kr} color={chart.series[0].color} summary={headingSummaries} />
                </div>
                <KpiPlot
                  {...plot}
                  chart={chart}
                  width={chartWidth}
                  height={chartHeight}
                  syncKey={syncKey}
                  axisGroup={axisGroup}
                  timeLabels={timeLabels}
                  // One chart speaks for the stack on the dashboard's crosshair; the sync moves the others.
                  eventBus={i === 0 ? eventBus : undefined}
                />
              </li>
            );
          })}
        </ul>
      </ScrollContainer>
    </div>
  );
}

/**
 * Each plot's height (without time labels) under headings of the given heights, and whether the stack
 * scrolls: the room left after the headings and one row of time labels, shared equally, at least
 * MIN_PLOT_PX.
 */
export function stackHeights(height: number, headings: readonly number[]): { plot: number; scrolls: boolean } {
  const headingsPx = headings.reduce((sum, px) => sum + px, 0);
  const fitted = Math.floor((height - TIME_LABELS_PX - headingsPx) / Math.max(1, headings.length));
  return fitted < MIN_PLOT_PX ? { plot: MIN_PLOT_PX, scrolls: true } : { plot: fitted, scrolls: false };
}

const getStyles = () => ({
  stack: css({ listStyle: 'none', margin: 0, padding: 0 }),
  entry: css({ display: 'flex', flexDirection: 'column' }),
});
