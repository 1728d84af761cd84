import { InterpolateFunction } from '@grafana/data';
import { useMemo } from 'react';

import { KeyResultOption, ObjectiveOption, OkrOptions } from '../types';

/**
 * Interpolates dashboard variables ($env, ${team}) in the texts analysts write: titles, descriptions,
 * owners, links, series names (target series too), periods (so a dashboard can say `${__from:date:YYYY-[Q]Q}`)
 * and numbers given as text (`"target": "$goal"`, and a target step's `from` and `value`). Returns new objects; the saved options are never touched.
 * Values that are not strings are left as they are for the core to validate.
 */
export function interpolateOptions(options: OkrOptions, replaceVariables: InterpolateFunction): OkrOptions {
  if (!Array.isArray(options.objectives)) {
    return options;
  }
  const text = <T>(value: T): T => (typeof value === 'string' ? (replaceVariables(value) as T) : value);
  const keyResult = (kr: KeyResultOption): KeyResultOption =>
    isRecord(kr)
      ? {
          ...kr,
          title: text(kr.title),
          series: text(kr.series),
          period: text(kr.period),
          baseline: text(kr.baseline),
          target: text(kr.target),
          targetMax: text(kr.targetMax),
          targetSeries: text(kr.targetSeries),
          targetMaxSeries: text(kr.targetMaxSeries),
          targets: Array.isArray(kr.targets)
            ? kr.targets.map((step) =>
                isRecord(step) ? { ...step, from: text(step.from), value: text(step.value) } : step
              )
            : kr.targets,
          description: text(kr.description),
          owner: text(kr.owner),
          link: text(kr.link),
        }
      : kr;
  const objective = (objective: ObjectiveOption): ObjectiveOption =>
    isRecord(objective)
      ? {
          ...objective,
          title: text(objective.title),
          description: text(objective.description),
          owner: text(objective.owner),
          keyResults: Array.isArray(objective.keyResults) ? objective.keyResults.map(keyResult) : objective.keyResults,
        }
      : objective;
  return { ...options, objectives: options.objectives.map(objective) };
}

function isRecord<T>(value: T): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
