import { FieldConfigEditorBuilder, FieldType } from '@grafana/data';

import { DEFAULT_BREACH_DIRECTION, OkrFieldConfig } from '../types';

/**
 * The panel's custom field config. breachDirection is per series, not per panel, because it only means
 * something next to that series' thresholds: latency is bad above its steps, availability below its own.
 * Analysts set a default here and change it per series with Grafana's overrides.
 */
export function buildCustomFieldConfig(builder: FieldConfigEditorBuilder<OkrFieldConfig>) {
  builder.addRadio({
    path: 'breachDirection',
    name: 'Threshold breaches',
    description: "Which side of this series' thresholds is a breach.",
    // Grafana groups a custom property with the standard one of the same category (as the time series
    // panel's "Show thresholds"), so the direction is edited right under the thresholds it reads.
    category: ['Thresholds'],
    defaultValue: DEFAULT_BREACH_DIRECTION,
    settings: {
      options: [
        { value: 'off', label: 'Off' },
        { value: 'above', label: 'Above first step' },
        { value: 'below', label: 'Below last step' },
      ],
    },
    // Thresholds, and so breaches, only exist for numbers; the time and label fields are left alone.
    shouldApply: (field) => field.type === FieldType.number,
  });
}
