import { InterpolateFunction } from '@grafana/data';
import { useMemo } from 'react';

import { interpolateOptions } from '../okr';
import { OkrOptions } from '../types';

/**
 * The options with dashboard variables interpolated, re-read at every render. Grafana (and Scenes) re-render
 * a panel when a variable changes but may hand it the very same options, data and replaceVariables objects
 * (no re-query when the queries do not use the variable), so a memo keyed on those would keep the old text.
 * The interpolated result keeps its identity while its content is unchanged, so evaluation reruns only when
 * a variable's value actually changed what the key results say.
 */
export function useInterpolatedOptions(options: OkrOptions, replaceVariables: InterpolateFunction): OkrOptions {
  const interpolated = interpolateOptions(options, replaceVariables);
  const key = optionsKey(interpolated);
  // Keyed on the content on purpose: a new but equal interpolation keeps the first one's identity.
  return useMemo(() => interpolated, [options, key]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** A content key for interpolated options; options that cannot be serialised (cycles) never compare equal. */
export function optionsKey(options: OkrOptions): string {
  try {
    return JSON.stringify(options) ?? '';
  } catch {
    return String(Math.random());
  }
}
