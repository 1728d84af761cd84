import './bootData';
import { createTheme, FieldConfigSource, PanelPlugin } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import React from 'react';
import { createRoot, Root } from 'react-dom/client';

import { loadAmdModule } from './amd';
import { eventBus, SandboxApp } from './App';
import { demoFixture, startDemoStream } from './demo';
import { framesFromJson, panelConfig, PanelFixture } from './fixture';
import { installPanelDataErrorView } from './PanelDataErrorView';
import { registerStandardEditors } from './registries';
import { sharedModules } from './sharedModules';

interface SandboxState {
  state: 'loading' | 'ready' | 'error';
  error?: string;
  requestedModules: string[];
  options?: Record<string, unknown>;
  /** The field config the panel gets: the fixture's, as the migration left it, over the plugin's defaults. */
  fieldConfig?: FieldConfigSource;
  /** The dashboard event bus the panel gets (DataHoverEvent for the shared crosshair). */
  eventBus?: typeof eventBus;
  /** Replaces the fixture's frames (as DataFrameJSON) and re-renders, like a dashboard refresh. */
  setFrames?: (frames: PanelFixture['frames']) => void;
}

declare global {
  interface Window {
    __OKR_FIXTURE__?: PanelFixture;
    __okrSandbox: SandboxState;
  }
}

window.__okrSandbox = { state: 'loading', requestedModules: [], eventBus };

async function main() {
  registerStandardEditors();
  installPanelDataErrorView();
  const params = new URLSearchParams(window.location.search);
  const demo = params.has('demo');
  const saved = await loadFixture(params);
  const fixture = demo ? demoFixture(saved, Date.now()) : saved;
  if (fixture.now !== undefined) {
    freezeClock(new Date(fixture.now).valueOf());
  }
  const root = createRoot(document.getElementById('root')!);
  await loadGrafanaFonts(root, fixture.theme ?? 'dark');
  const loaded = await loadAmdModule('/dist/module.js', sharedModules);
  window.__okrSandbox.requestedModules = loaded.requested;
  const plugin = loaded.exports.plugin;
  if (!(plugin instanceof PanelPlugin)) {
    throw new Error('dist/module.js does not export a PanelPlugin named "plugin" built with the host\'s @grafana/data');
  }
  renderPanel({ root, plugin, fixture, showEditor: params.get('editor') !== '0', demo });
}

/**
 * Grafana's fonts are loaded before its panels draw, and uPlot sizes its axes by measuring text in them.
 * GlobalStyles declares the @font-face rules, so mount it first, then wait for the faces.
 */
async function loadGrafanaFonts(root: Root, mode: 'dark' | 'light') {
  root.render(
    <ThemeContext.Provider value={createTheme({ colors: { mode } })}>
      <GlobalStyles />
    </ThemeContext.Provider>
  );
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await Promise.all(['400 12px Inter', '500 12px Inter'].map((font) => document.fonts.load(font)));
}

interface RenderInput {
  root: Root;
  plugin: PanelPlugin;
  fixture: PanelFixture;
  showEditor: boolean;
  demo: boolean;
}

function renderPanel({ root, plugin, fixture: initialFixture, showEditor, demo }: RenderInput) {
  let fixture = initialFixture;
  const loaded = panelConfig(plugin, fixture);
  let options = loaded.options;
  let frames = framesFromJson(fixture.frames);
  const fieldConfig = loaded.fieldConfig;

  const render = () => {
    window.__okrSandbox.options = options;
    window.__okrSandbox.fieldConfig = fieldConfig;
    root.render(
      <SandboxApp
        plugin={plugin}
        fixture={fixture}
        frames={frames}
        options={options}
        fieldConfig={fieldConfig}
        showEditor={showEditor}
        onOptionsChange={(next) => {
          options = next;
          render();
        }}
      />
    );
  };
  window.__okrSandbox.setFrames = (next) => {
    frames = framesFromJson(next);
    render();
  };
  render();
  if (demo) {
    startDemoStream((feed) => {
      frames = feed.frames;
      fixture = { ...fixture, timeRange: feed.timeRange };
      render();
    });
  }
  // Two frames: React commits, then uPlot draws.
  requestAnimationFrame(() => requestAnimationFrame(() => (window.__okrSandbox.state = 'ready')));
}

async function loadFixture(params: URLSearchParams): Promise<PanelFixture> {
  if (window.__OKR_FIXTURE__) {
    return window.__OKR_FIXTURE__;
  }
  const url = params.get('fixture') ?? (params.has('demo') ? '/fixtures/demo.json' : null);
  if (!url) {
    throw new Error('no fixture: open /?fixture=/fixtures/<name>.json or /?demo');
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`fixture ${url}: HTTP ${response.status}`);
  }
  return response.json();
}

/** A fixture's "now": Date.now() and new Date() report it, so renders are deterministic. */
function freezeClock(now: number) {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(now);
      } else {
        super(...(args as [string]));
      }
    }
    static now() {
      return now;
    }
  }
  window.Date = FixedDate as DateConstructor;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  window.__okrSandbox.state = 'error';
  window.__okrSandbox.error = message;
  console.error(`sandbox: ${message}`);
  document.getElementById('root')!.textContent = `Sandbox error: ${message}`;
});
