import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { PanelDataErrorViewProps } from '@grafana/runtime';
// Grafana's app calls this setter at start-up; the package exports it only internally: the host build resolves
// this name to the file in the hosted line's @grafana/runtime (hostBuild.ts).
import { setPanelDataErrorView } from 'grafana-internal/runtime/PanelDataErrorView';
import { useStyles2 } from '@grafana/ui';

/**
 * Grafana registers its own PanelDataErrorView at start-up; @grafana/runtime's fallback is a bare string.
 * This stand-in renders what Grafana's does for our cases: the message, or "No data" / the field needs.
 */
function SandboxPanelDataErrorView({ message, data, needsTimeField, needsNumberField }: PanelDataErrorViewProps) {
  const styles = useStyles2(getStyles);
  const hasFrames = data.series.some((frame) => frame.length > 0);
  const text =
    message ??
    (!hasFrames
      ? 'No data'
      : needsTimeField || needsNumberField
        ? 'Data is missing a time field or a number field'
        : 'No data');
  return (
    <div className={styles.view} data-testid="data-testid Panel data error message">
      {text}
    </div>
  );
}

export function installPanelDataErrorView() {
  setPanelDataErrorView(SandboxPanelDataErrorView);
}

const getStyles = (theme: GrafanaTheme2) => ({
  view: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.h5.fontSize,
  }),
});
