import { ThresholdsConfig, ThresholdsMode } from '@grafana/data';

import { isRecord } from './readers';

/**
 * Reading a series' Grafana thresholds as a goal. Grafana gives every new panel the same default thresholds
 * (absolute: base green, red at 80); they say nothing about the series, so they are not a goal. A panel
 * that really wants 80 cannot be told apart from the default, and is treated as the default.
 *
 * Thresholds may come from saved JSON, where the base step's -Infinity is stored as null:
 * { mode: 'absolute', steps: [{ value: null }, { value: 250 }, { value: 400 }] } → first step 250.
 * Percentage thresholds are relative to the field's min/max, not values of the series, so they give none.
 */
export function isDefaultThresholds(thresholds: ThresholdsConfig | undefined): boolean {
  const steps = thresholds?.steps ?? [];
  return (
    thresholds?.mode === ThresholdsMode.Absolute &&
    steps.length === 2 &&
    !Number.isFinite(steps[0].value) &&
    steps[1].value === 80
  );
}

/** The first finite step above the base, when the thresholds are absolute and not Grafana's default. */
export function firstStepAboveBase(thresholds: unknown): number | undefined {
  if (!isRecord(thresholds) || thresholds.mode !== ThresholdsMode.Absolute || !Array.isArray(thresholds.steps)) {
    return undefined;
  }
  const values = thresholds.steps.map((step) => (isRecord(step) ? step.value : undefined));
  const steps = values.map((value) => ({ value: typeof value === 'number' ? value : -Infinity, color: '' }));
  if (isDefaultThresholds({ mode: ThresholdsMode.Absolute, steps })) {
    return undefined;
  }
  return values.slice(1).find((value): value is number => typeof value === 'number' && Number.isFinite(value));
}
