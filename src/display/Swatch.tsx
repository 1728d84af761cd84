import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/**
 * A key result's line colour (display/keyResultColors), the same beside its legend entry, its scorecard
 * row and its wall tile, so a line on the chart can be found in the scorecard. Decoration only: the title
 * beside it names the key result.
 */
export function Swatch({ color }: { color: string }) {
  const styles = useStyles2(getStyles);
  return (
    <span
      className={styles.swatch}
      style={{ backgroundColor: color }}
      data-testid="okr-kr-swatch"
      data-color={color}
      aria-hidden="true"
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  swatch: css({
    display: 'inline-block',
    flex: '0 0 auto',
    width: '0.9em',
    height: '0.3em',
    borderRadius: theme.shape.radius.default,
    verticalAlign: 'middle',
  }),
});
