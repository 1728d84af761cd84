import { formattedValueToString, getValueFormat } from '@grafana/data';

import { KeyResultModel } from '../okr';

/** A key result's value in its field's unit and decimals (Grafana's display processor when it has one). */
export function formatKeyResultValue(kr: KeyResultModel, value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  if (kr.field?.display) {
    return formattedValueToString(kr.field.display(value));
  }
  return formattedValueToString(getValueFormat(kr.field?.config.unit ?? 'none')(value, kr.field?.config.decimals));
}

/** The dash every view shows for a number the core could not compute. */
export const NO_VALUE = '–';

/**
 * Progress as a whole percentage, unclamped: the label tells the truth even where the bar cannot
 * (1.123 → "112%", −0.05 → "-5%"). Null or non-finite → "–".
 */
export function formatPercent(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) {
    return NO_VALUE;
  }
  // Math.round(-0.4) is -0, which would print as "0%" anyway; normalise it so tests can compare strings.
  return `${Math.round(progress * 100) || 0}%`;
}
