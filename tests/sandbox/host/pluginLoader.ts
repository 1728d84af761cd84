import { PanelPlugin, PluginMeta } from '@grafana/data';
import { setPluginImportUtils } from '@grafana/runtime';

import { loadAmdModule } from './amd';
import { sharedModules } from './sharedModules';

/*
 * Grafana's plugin loader, as far as a panel needs it: import the plugin's BUILT module.js as AMD with the
 * shared packages, then give the plugin its meta from plugin.json (id, info.version, module, baseUrl), which
 * Grafana reads from its plugin settings. Scenes' VizPanel asks `importPanelPlugin` for the plugin.
 */

const PLUGIN_BASE = '/dist';

/**
 * What the module asked the host for (its externals), and how many times Grafana's code ran the plugin's
 * migration handler: for the tests that check when migration happens.
 */
export const loadedModules: { requested: string[]; migrations: number } = { requested: [], migrations: 0 };

let pluginPromise: Promise<PanelPlugin> | undefined;
let loadedPlugin: PanelPlugin | undefined;

export function loadPanelPlugin(): Promise<PanelPlugin> {
  pluginPromise ??= (async () => {
    const [meta, loaded] = await Promise.all([
      fetch(`${PLUGIN_BASE}/plugin.json`).then((response) => {
        if (!response.ok) {
          throw new Error(`dist/plugin.json: HTTP ${response.status}`);
        }
        return response.json() as Promise<PluginMeta>;
      }),
      loadAmdModule(`${PLUGIN_BASE}/module.js`, sharedModules),
    ]);
    loadedModules.requested = loaded.requested;
    const plugin = loaded.exports.plugin;
    if (!(plugin instanceof PanelPlugin)) {
      throw new Error(
        'dist/module.js does not export a PanelPlugin named "plugin" built with the host\'s @grafana/data'
      );
    }
    plugin.meta = { ...plugin.meta, ...meta, module: `${PLUGIN_BASE}/module.js`, baseUrl: PLUGIN_BASE };
    countMigrations(plugin);
    loadedPlugin = plugin;
    return plugin;
  })();
  return pluginPromise;
}

/** The id in dist/plugin.json; fixtures never need to name it. */
export async function pluginId(): Promise<string> {
  return (await loadPanelPlugin()).meta.id;
}

export function installPluginLoader() {
  setPluginImportUtils({
    importPanelPlugin: async (id: string) => {
      const plugin = await loadPanelPlugin();
      if (id !== plugin.meta.id) {
        throw new Error(`the sandbox hosts only ${plugin.meta.id}, not ${id}`);
      }
      return plugin;
    },
    getPanelPluginFromCache: (id: string) => (loadedPlugin?.meta.id === id ? loadedPlugin : undefined),
  });
}

function countMigrations(plugin: PanelPlugin) {
  const migrate = plugin.onPanelMigration;
  if (migrate) {
    plugin.onPanelMigration = (panel) => {
      loadedModules.migrations++;
      return migrate(panel);
    };
  }
}
