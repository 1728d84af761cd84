import { InterpolateFunction } from '@grafana/data';

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
