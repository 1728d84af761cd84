import { formattedValueToString, getValueFormat } from '@grafana/data';

import { KeyResultModel } from '../okr';

/** A key result's value in its field's unit and decimals (Grafana's display processor when it has one). */
export function formatKeyResultValue(kr: KeyResultModel, value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '–';
  }
  if (kr.field?.display) {
    return formattedValueToString(kr.field.display(value));
  }
  return formattedValueToString(getValueFormat(kr.field?.config.unit ?? 'none')(value, kr.field?.config.decimals));
}
