import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';

import { OkrPanel } from './panel/OkrPanel';
import { buildCustomFieldConfig } from './editor/fieldConfig';
import { buildPanelOptions } from './editor/panelOptions';
import { migratePanel, needsMigration } from './migrations/migrate';
import { panelChangeHandler } from './migrations/panelChange';
import { OkrFieldConfig, OkrOptions } from './types';

export const plugin = new PanelPlugin<OkrOptions, OkrFieldConfig>(OkrPanel)
  .setPanelOptions(buildPanelOptions)
  // Grafana migrates when the saved pluginVersion differs; shouldMigrate also catches a panel saved by a
  // build with the same version but an older options schema (a dev build, or a version not yet bumped).
  .setMigrationHandler(migratePanel, (panel) => needsMigration(panel.options))
  // Switching a time series panel here keeps its field config (Grafana's doing) and offers its thresholds.
  .setPanelChangeHandler(panelChangeHandler)
  // Grafana hands a panel the dashboard's annotations (data.annotations) only when it says it draws them.
  .setDataSupport({ annotations: true, alertStates: false })
  .useFieldConfig({
    standardOptions: {
      // Each KPI series in its own palette colour, as in Grafana's time series panel.
      [FieldConfigProperty.Color]: {
        settings: { byValueSupport: true, bySeriesSupport: true, preferThresholdsMode: false },
        defaultValue: { mode: FieldColorModeId.PaletteClassic },
      },
    },
    useCustomConfig: buildCustomFieldConfig,
  });
