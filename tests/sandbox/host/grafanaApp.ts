import { EventBusSrv } from '@grafana/data';
import { setAppEvents } from '@grafana/runtime';

import { installPanelDataErrorView } from './PanelDataErrorView';
import { installPluginLoader } from './pluginLoader';
import { registerStandardEditors } from './registries';

/*
 * What Grafana's app sets up at start-up and npm does not ship: the option-editor registries, the plugin
 * loader, the app event bus and the PanelDataErrorView. Everything else the panel meets (panel chrome,
 * option defaults, migration, field config, time range, variables) is Grafana's own code from
 * @grafana/scenes, @grafana/data and @grafana/ui.
 */
export function startGrafanaApp() {
  registerStandardEditors();
  installPanelDataErrorView();
  installPluginLoader();
  setAppEvents(new EventBusSrv());
}
