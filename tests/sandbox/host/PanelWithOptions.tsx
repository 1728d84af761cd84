import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { SceneComponentProps, SceneObjectBase, SceneObjectState, VizPanel } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';

import { OptionsPane } from './OptionsPane';

/*
 * A dashboard panel with its options pane beside it, as Grafana's panel edit shows them: the panel takes what
 * the pane leaves, the pane scrolls on its own. It fills its grid cell.
 */

interface PanelWithOptionsState extends SceneObjectState {
  panel: VizPanel;
  pane: OptionsPane;
}

export class PanelWithOptions extends SceneObjectBase<PanelWithOptionsState> {
  public static Component = PanelWithOptionsRenderer;

  public constructor({ key, panel }: { key: string; panel: VizPanel }) {
    super({ key, panel, pane: new OptionsPane({ panel }) });
  }
}

function PanelWithOptionsRenderer({ model }: SceneComponentProps<PanelWithOptions>) {
  const { panel, pane } = model.useState();
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.layout}>
      <div className={styles.panel}>
        <panel.Component model={panel} />
      </div>
      <section className={styles.pane} aria-label="Panel options">
        <h2 className={styles.heading}>Panel options</h2>
        <pane.Component model={pane} />
      </section>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  layout: css({ display: 'flex', gap: theme.spacing(1), height: '100%' }),
  panel: css({ flex: '1 1 0', minWidth: 0, height: '100%' }),
  pane: css({
    flex: 'none',
    overflowY: 'auto',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  heading: css({
    ...theme.typography.h6,
    margin: 0,
    padding: theme.spacing(1, 1, 0),
  }),
});
