import { css } from '@emotion/css';
import React, { ReactNode, useLayoutEffect, useRef, useState } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { ScrollContainer, useStyles2 } from '@grafana/ui';

interface Props {
  width: number;
  height: number;
  /** Under the plot, at most LEGEND_MAX_SHARE of the height (it scrolls beyond that), as Grafana's VizLayout. */
  legend: ReactNode;
  children: (width: number, height: number) => ReactNode;
}

const LEGEND_MAX_SHARE = 0.35;

/**
 * The plot above its legend. Grafana's VizLayout learns the legend's height from a ResizeObserver, so the
 * plot first appears a frame after mount (13 ms of a 10k-point first draw here) and it reads
 * document.body.clientWidth on every render. This measures the legend in a layout effect instead: the plot
 * is drawn in the same task as the mount, at its final size (no layout jump), and a ResizeObserver still
 * follows later changes (fonts loading, legend wrapping on a resize).
 */
export function ChartLayout({ width, height, legend, children }: Props) {
  const styles = useStyles2(getStyles);
  const legendRef = useRef<HTMLDivElement>(null);
  const [legendHeight, setLegendHeight] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = legendRef.current;
    if (!element) {
      return;
    }
    setLegendHeight(element.offsetHeight);
    const observer = new ResizeObserver(() => setLegendHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const plotHeight = legendHeight === null ? null : Math.max(0, height - legendHeight);
  return (
    <div className={styles.layout} style={{ width, height }}>
      <div className={styles.plot}>{plotHeight !== null && plotHeight > 0 && children(width, plotHeight)}</div>
      <div ref={legendRef} style={{ maxHeight: Math.floor(height * LEGEND_MAX_SHARE) }}>
        <ScrollContainer>{legend}</ScrollContainer>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  layout: css({ display: 'flex', flexDirection: 'column' }),
  plot: css({ flexGrow: 2, borderRadius: theme.shape.radius.default }),
});
