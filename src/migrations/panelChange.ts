import { FieldConfigSource, PanelTypeChangedHandler } from '@grafana/data';

import { firstStepAboveBase } from '../okr';
import {
  DEFAULT_BREACH_OPTIONS,
  DEFAULT_TOLERANCES,
  KeyResultOption,
  OkrOptions,
  OPTIONS_SCHEMA_VERSION,
} from '../types';
import { isRecord } from './savedPanel';

/**
 * When a user switches a panel to this one, Grafana keeps the field config's standard properties (unit,
 * thresholds, colours, overrides of those) and clears `custom` (dashboard-scene's VizPanel.changePluginType,
 * and PanelModel.changePlugin before it); the options are ours to build. From a time series panel we offer
 * one stay key result per series whose thresholds someone set: the series should stay below its first
 * step above the base, this quarter.
 *
 * Example: overrides [{ byName 'p95', thresholds [base, 250, 400] }] → objective "Thresholds" with
 * { title: 'p95 below 250', series: 'p95', kind: 'stayBelow', target: 250, period: 'thisQuarter' }.
 * Thresholds in the defaults apply to every series, whose names the field config does not hold: they give
 * one key result with an empty series, which the panel and editor mark until the analyst picks one.
 * Grafana's default thresholds (base, 80) and percentage thresholds give none (src/okr/thresholds.ts).
 */
const FROM_TIME_SERIES = new Set(['timeseries', 'graph']);

export const THRESHOLDS_OBJECTIVE_TITLE = 'Thresholds';

export function optionsFromPanelChange(input: { prevPluginId: string; prevFieldConfig?: unknown }): OkrOptions {
  const defaults: OkrOptions = {
    schemaVersion: OPTIONS_SCHEMA_VERSION,
    fiscalYearStartMonth: 0,
    objectives: [],
    tolerances: DEFAULT_TOLERANCES,
    breaches: DEFAULT_BREACH_OPTIONS,
    view: 'auto',
  };
  if (!FROM_TIME_SERIES.has(input.prevPluginId)) {
    return defaults;
  }
  const keyResults = seriesThresholds(input.prevFieldConfig).map(({ series, value }) => stayBelow(series, value));
  if (keyResults.length === 0) {
    return defaults;
  }
  return { ...defaults, objectives: [{ title: THRESHOLDS_OBJECTIVE_TITLE, keyResults }] };
}

/**
 * Grafana's panel change handler. Only the returned options count: dashboard-scene builds a throwaway panel
 * object for the call and never reads its field config back, so `breachDirection` cannot be set from here.
 */
export const panelChangeHandler: PanelTypeChangedHandler<OkrOptions> = (_panel, prevPluginId, _prev, prevFieldConfig) =>
  optionsFromPanelChange({ prevPluginId, prevFieldConfig });

function stayBelow(series: string, value: number): KeyResultOption {
  return {
    title: `${series || 'Series'} below ${value}`,
    series,
    period: 'thisQuarter',
    kind: 'stayBelow',
    target: value,
  };
}

/** Defaults first (series unknown: ''), then each byName override with its own thresholds, in saved order. */
function seriesThresholds(fieldConfig: unknown): Array<{ series: string; value: number }> {
  const source: Partial<FieldConfigSource> = isRecord(fieldConfig) ? fieldConfig : {};
  const fromDefaults = firstStepAboveBase(isRecord(source.defaults) ? source.defaults.thresholds : undefined);
  const overrides = Array.isArray(source.overrides) ? source.overrides : [];
  const fromOverrides = overrides.flatMap((override) => {
    const matcher: unknown = isRecord(override) ? override.matcher : undefined;
    const properties: unknown = isRecord(override) ? override.properties : undefined;
    if (!isRecord(matcher) || matcher.id !== 'byName' || typeof matcher.options !== 'string' || !matcher.options) {
      return [];
    }
    const thresholds = Array.isArray(properties)
      ? properties.find((property) => isRecord(property) && property.id === 'thresholds')
      : undefined;
    const value = firstStepAboveBase(isRecord(thresholds) ? thresholds.value : undefined);
    return value === undefined ? [] : [{ series: matcher.options, value }];
  });
  return [...(fromDefaults === undefined ? [] : [{ series: '', value: fromDefaults }]), ...fromOverrides];
}
