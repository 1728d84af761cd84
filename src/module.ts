import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';

import { OkrPanel } from './components/OkrPanel';
import { buildPanelOptions } from './editor/panelOptions';
import { migrateOptions } from './migrations/migrate';
import { OkrOptions } from './types';

export const plugin = new PanelPlugin<OkrOptions>(OkrPanel)
  .setPanelOptions(buildPanelOptions)
  .setMigrationHandler((panel) => migrateOptions(panel.options))
  .useFieldConfig({
    standardOptions: {
      // Each KPI series in its own palette colour, as in Grafana's time series panel.
      [FieldConfigProperty.Color]: {
        settings: { byValueSupport: true, bySeriesSupport: true, preferThresholdsMode: false },
        defaultValue: { mode: FieldColorModeId.PaletteClassic },
      },
    },
  });
