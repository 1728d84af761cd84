/*
 * Grafana's index.html sets window.grafanaBootData before any of its code runs; @grafana/runtime reads it
 * when it is first evaluated. Imported first by main.tsx, so this runs before the shared packages. The version is
 * the hosted line's (@grafana/data's, from the build), as Grafana's own boot data carries its version.
 */
const mode =
  (window as unknown as { __OKR_FIXTURE__?: { theme?: string } }).__OKR_FIXTURE__?.theme === 'light' ? 'light' : 'dark';

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  settings: { featureToggles: {}, buildInfo: { version: __GRAFANA_VERSION__ }, appSubUrl: '', bootData: {} },
  user: { theme: mode, timezone: 'browser', locale: 'en-US' },
  navTree: [],
  assets: {},
};

export {};
