import { css } from '@emotion/css';
import React, { useId, useState } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { ScrollContainer, useStyles2 } from '@grafana/ui';

import { testIds } from '../selectors';
import { AxisWidthGroup } from './axisWidthGroup';
import { KeyResultChart } from './keyResultCharts';
import { KeyResultLabel, keyResultEntryName } from './KeyResultLabel';
import { KpiPlot, KpiPlotProps } from './KpiPlot';

type Props = Omit<KpiPlotProps, 'chart' | 'syncKey' | 'timeLabels'> & { charts: KeyResultChart[] };

/** The least height a key result's chart gets (its heading included); below it the stack scrolls. */
export const MIN_KEY_RESULT_CHART_PX = 90;
const HEADING_PX = 24;
/** A chart's time labels (the bottom one's, or every one's when the stack scrolls), added to its height. */
const TIME_LABELS_PX = 22;
/** Room for the scroll bar when the stack scrolls. */
const SCROLLBAR_PX = 12;

/**
 * One small chart per key result, stacked on one time axis: each is headed by the key result (colour,
 * title, status), all share the dashboard's range and one cursor (hover one, the crosshair shows at that
 * time on all), their value axes are equally wide so the plots line up, and the time labels sit under the
 * bottom chart. When they do not all fit at MIN_KEY_RESULT_CHART_PX the stack scrolls (none is dropped),
 * and then every chart has its own time labels. The headings are the legend, so there is no
 * other: the stack is the list "Key results".
 * Example: 4 charts in 600×400 → 94 + 94 + 94 + 116 px (the last with the time labels); 8 → 112 px each
 * (90 + time labels), scrolling.
 */
export function StackedKpiCharts({ charts, width, height, eventBus, ...plot }: Props) {
  const styles = useStyles2(getStyles);
  const syncKey = `okr-stack-${useId()}`;
  const [axisGroup] = useState(() => new AxisWidthGroup());
  const { each, scrolls } = stackHeights(height, charts.length);
  const chartWidth = scrolls ? width - SCROLLBAR_PX : width;
  return (
    <div data-testid={testIds.chart} data-layout="perKeyResult" style={{ width, height }}>
      <ScrollContainer>
        <ul className={styles.stack} aria-label="Key results" data-testid={testIds.keyResultLegend}>
          {charts.map(({ kr, chart }, i) => {
            // When the stack scrolls the bottom chart may be out of view, so each chart has its time labels.
            const timeLabels = scrolls || i === charts.length - 1;
            const chartHeight = each + (timeLabels ? TIME_LABELS_PX : 0);
            return (
              <li
                key={kr.id}
                className={styles.entry}
                style={{ height: chartHeight }}
                aria-label={keyResultEntryName(kr)}
                data-testid={testIds.keyResultChart}
                data-kr-id={kr.id}
              >
                <div className={styles.heading} data-testid={testIds.keyResultEntry} data-kr-id={kr.id}>
                  <KeyResultLabel kr={kr} color={chart.series[0].color} />
                </div>
                <KpiPlot
                  {...plot}
                  chart={chart}
                  width={chartWidth}
                  height={chartHeight - HEADING_PX}
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

/** Each chart's height without time labels, and whether the stack scrolls. */
export function stackHeights(height: number, count: number): { each: number; scrolls: boolean } {
  const fitted = Math.floor((height - TIME_LABELS_PX) / Math.max(1, count));
  return fitted < MIN_KEY_RESULT_CHART_PX
    ? { each: MIN_KEY_RESULT_CHART_PX, scrolls: true }
    : { each: fitted, scrolls: false };
}

const getStyles = (theme: GrafanaTheme2) => ({
  stack: css({ listStyle: 'none', margin: 0, padding: 0 }),
  entry: css({ display: 'flex', flexDirection: 'column' }),
  heading: css({
    display: 'flex',
    alignItems: 'center',
    height: HEADING_PX,
    padding: theme.spacing(0, 1),
    overflow: 'hidden',
  }),
});
