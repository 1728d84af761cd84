import './bootData';
import { css } from '@emotion/css';
import { BusEventBase, BusEventHandler, BusEventType, createTheme, FieldConfigSource } from '@grafana/data';
import { config } from '@grafana/runtime';
import { SceneObject } from '@grafana/scenes';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import React from 'react';
import { createRoot, Root } from 'react-dom/client';

import { PanelFixture, framesFromJson } from './fixture';
import { startGrafanaApp } from './grafanaApp';
import { loadedModules, loadPanelPlugin } from './pluginLoader';
import { buildFixtureScene, FixtureScene } from './scene';
import { buildDemoDashboard } from './demoDashboard';
import { animationFrames, panelsRendered } from './panelReady';
import { freezeClock, shiftClock } from './clock';

/*
 * The sandbox page: Grafana's app start-up (what npm does not ship, grafanaApp.ts), then a fixture as a
 * one-panel Scenes dashboard (scene.tsx), or the demo dashboard (?demo). window.__okrSandbox is the page's
 * state for the harness and the tests; it exists before anything else runs.
 */

/** The dashboard's event bus as tests use it: the scene root, where the shared crosshair's events travel. */
interface DashboardEvents {
  publish(event: BusEventBase): void;
  subscribe<T extends BusEventBase>(type: BusEventType<T>, handler: BusEventHandler<T>): { unsubscribe(): void };
}

interface SandboxState {
  state: 'loading' | 'ready' | 'error';
  error?: string;
  requestedModules: string[];
  /** How many times the plugin's migration handler ran (Grafana runs it when the saved version differs). */
  migrations?: number;
  /** The panel's options and field config as Grafana holds them: migrated, over the plugin's defaults. */
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  eventBus?: DashboardEvents;
  /** Replaces the fixture's frames (as DataFrameJSON) and re-renders, like a dashboard refresh. */
  setFrames?: (frames: PanelFixture['frames']) => void;
  /** The Grafana line the page hosts: Grafana's version as its boot data says, React's as it runs, Scenes'. */
  host: { grafana: string; react: string; scenes: string };
}

declare global {
  interface Window {
    __OKR_FIXTURE__?: PanelFixture;
    __okrSandbox: SandboxState;
  }
}

window.__okrSandbox = {
  state: 'loading',
  requestedModules: [],
  host: { grafana: config.buildInfo.version, react: React.version, scenes: __SCENES_VERSION__ },
};

async function main() {
  startGrafanaApp();
  const params = new URLSearchParams(window.location.search);
  const demo = params.has('demo');
  const fixture = demo ? undefined : await loadFixture(params);
  if (fixture?.now !== undefined) {
    freezeClock(new Date(fixture.now).valueOf());
  } else if (demo && params.has('now')) {
    shiftClock(parseNow(params.get('now')!));
  }
  const mode = fixture?.theme ?? (params.get('theme') === 'light' ? 'light' : 'dark');
  // Grafana's config.theme2 is what VizPanel applies field config with; it follows the user's theme.
  config.theme2 = createTheme({ colors: { mode } });
  const root = createRoot(document.getElementById('root')!);
  await loadGrafanaFonts(root);
  const plugin = await loadPanelPlugin();
  window.__okrSandbox.requestedModules = loadedModules.requested;

  if (demo) {
    const dashboard = buildDemoDashboard(plugin.meta.id, Date.now());
    root.render(<Page scene={dashboard.scene} fullPage />);
    await dashboard.ready();
  } else {
    const host = buildFixtureScene(fixture!, plugin.meta.id, params.get('editor') !== '0');
    exposeFixtureScene(host);
    root.render(<Page scene={host.scene} />);
    await panelsRendered([host.panel]);
  }
  window.__okrSandbox.state = 'ready';
}

/** fullPage: a dashboard page, as Grafana lays one out: the window's height, with the page's padding. */
function Page({ scene, fullPage = false }: { scene: SceneObject; fullPage?: boolean }) {
  const body = <scene.Component model={scene} />;
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      {fullPage ? <div className={dashboardPage}>{body}</div> : body}
    </ThemeContext.Provider>
  );
}

const dashboardPage = css({
  display: 'flex',
  flexDirection: 'column',
  minHeight: '100vh',
  padding: 16,
  boxSizing: 'border-box',
});

function exposeFixtureScene({ scene, panel, data }: FixtureScene) {
  const sandbox = window.__okrSandbox;
  const mirror = () => {
    sandbox.migrations = loadedModules.migrations;
    sandbox.options = panel.state.options as Record<string, unknown>;
    sandbox.fieldConfig = panel.state.fieldConfig;
  };
  mirror();
  panel.subscribeToState(mirror);
  sandbox.eventBus = {
    publish: (event) => scene.publishEvent(event, true),
    subscribe: (type, handler) => scene.subscribeToEvent(type, handler),
  };
  sandbox.setFrames = (frames) => data.setFrames(framesFromJson(frames));
}

const GRAFANA_FONTS = ['400 12px Inter', '500 12px Inter'];

/**
 * Grafana's fonts are loaded before its panels draw, and uPlot sizes its axes by measuring text in them.
 * GlobalStyles declares the @font-face rules, so mount it first, then wait for the faces. The rules exist only
 * once React has committed GlobalStyles, which can take more than a frame: until then document.fonts.load finds
 * no face and resolves at once with none (the plot then drew in a fallback font, whichever loaded first).
 * So ask again each frame until every face has loaded; a face that fails to load rejects, and none at all fails.
 */
async function loadGrafanaFonts(root: Root) {
  root.render(
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
    </ThemeContext.Provider>
  );
  for (let frame = 0; frame < 300; frame++) {
    await animationFrames(1);
    const loaded = await Promise.all(GRAFANA_FONTS.map((font) => document.fonts.load(font)));
    if (loaded.every((faces) => faces.length > 0)) {
      return;
    }
  }
  throw new Error(`Grafana's fonts (${GRAFANA_FONTS.join(', ')}) were never declared: GlobalStyles did not render`);
}

async function loadFixture(params: URLSearchParams): Promise<PanelFixture> {
  if (window.__OKR_FIXTURE__) {
    return window.__OKR_FIXTURE__;
  }
  const url = params.get('fixture');
  if (!url) {
    throw new Error('no fixture: open /?fixture=/fixtures/<name>.json or /?demo');
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`fixture ${url}: HTTP ${response.status}`);
  }
  return response.json();
}

/** The demo's `?now=` (ISO or epoch ms): the time the page's clock starts at. */
function parseNow(text: string): number {
  const now = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(now)) {
    throw new Error(`now=${text} is not a time: write ISO (2026-11-15T12:00:00Z) or epoch ms`);
  }
  return now;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  window.__okrSandbox.state = 'error';
  window.__okrSandbox.error = message;
  console.error(`sandbox: ${message}`);
  document.getElementById('root')!.textContent = `Sandbox error: ${message}`;
});
