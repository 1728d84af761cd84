/*
 * What the host build (tests/sandbox/hostBuild.ts) gives the host source for the Grafana line it bundles.
 */

/** The hosted line's Grafana version: its installed @grafana/data's (12.4.10, 13.2.3). */
declare const __GRAFANA_VERSION__: string;
/** The hosted line's installed @grafana/scenes version. */
declare const __SCENES_VERSION__: string;

/** @grafana/runtime's internal setter, from the line's node_modules (hostBuild.ts: GRAFANA_INTERNALS). */
declare module 'grafana-internal/runtime/PanelDataErrorView' {
  import { ComponentType } from 'react';
  import { PanelDataErrorViewProps } from '@grafana/runtime';
  export function setPanelDataErrorView(view: ComponentType<PanelDataErrorViewProps>): void;
}
