import { isRecord, SavedPanel } from './savedPanel';

/**
 * Step 1 → 2: the panel-wide `breaches.thresholds` becomes the per-series field config `breachDirection`.
 *
 * Schema 1 had one direction for every series; since 2 it sits in the field config beside each series'
 * thresholds, so a panel can judge latency "bad above" and availability "bad below" at once. A saved
 * direction becomes the field config default, which keeps every series judged as before:
 *
 *   options.breaches  { thresholds: 'above', minDurationSeconds: 60 }
 *   → options.breaches { minDurationSeconds: 60 } and fieldConfig.defaults.custom.breachDirection 'above'
 *
 * - 'none' (schema 1's off) is dropped and nothing is set: the field config default is already 'off'.
 * - A breachDirection the field config defaults already have wins; the old option is still removed.
 * - Any other value ('sideways', 3) stays in `breaches.thresholds` untouched, so the core can name it in a
 *   message rather than the analyst's setting vanishing without a word.
 * - Other keys of `breaches`, and everything else in the options and field config, are carried over.
 */
export function toVersion2(panel: SavedPanel): SavedPanel {
  const breaches = panel.options.breaches;
  if (!isRecord(breaches) || !('thresholds' in breaches)) {
    return panel;
  }
  const direction = breaches.thresholds;
  if (direction !== 'none' && direction !== 'above' && direction !== 'below') {
    return panel;
  }
  const { thresholds, ...keptBreaches } = breaches;
  const options = { ...panel.options, breaches: keptBreaches };
  return {
    options,
    fieldConfig: direction === 'none' ? panel.fieldConfig : withDefaultDirection(panel.fieldConfig, direction),
  };
}

function withDefaultDirection(fieldConfig: SavedPanel['fieldConfig'], direction: 'above' | 'below') {
  // Hand-written JSON may lack `defaults`; Grafana only ever saves an object as `custom`.
  const defaults = fieldConfig.defaults ?? {};
  const custom = isRecord(defaults.custom) ? defaults.custom : {};
  if (custom.breachDirection !== undefined) {
    return fieldConfig;
  }
  return {
    ...fieldConfig,
    defaults: { ...defaults, custom: { ...custom, breachDirection: direction } },
  };
}
