import { useMemo } from 'react';

import { DataFrame, FieldType, getTimeZone, InterpolateFunction } from '@grafana/data';

import { wallClock } from '../../display/clock';
import {
  buildCatalog,
  evaluate,
  interpolateOptions,
  normalizeTimeZone,
  PanelModel,
  PeriodContext,
  SeriesCatalog,
  seriesFrames,
} from '../../okr';
import { OkrOptions } from '../../types';

/** What every part of the form reads from the panel's current data, computed once per data or options change. */
export interface EditorData {
  model: PanelModel;
  catalog: SeriesCatalog;
  periodContext: PeriodContext;
}

/**
 * The options editor gets the panel's frames but not its time range or the dashboard's time zone, so
 * relative periods are resolved where the data ends (never after now), and dates are shown in the zone
 * Grafana resolves for the user — the dashboard's own zone when Grafana's resolver is set to it. Dashboard
 * variables are interpolated as the panel does (a series "mrr $region"), so a key result's status, hints and
 * placeholders are the panel's and not "No data"; the forms still edit the text as written.
 */
export function useEditorData(
  options: unknown,
  objectives: unknown,
  frames: DataFrame[] | undefined,
  replaceVariables?: InterpolateFunction
): EditorData {
  return useMemo(() => {
    const data = frames ?? [];
    const now = wallClock.now();
    const to = Math.min(lastTime(data) ?? now, now);
    const timeZone = normalizeTimeZone(getTimeZone()).timeZone;
    const written = { ...(isObject(options) ? options : {}), objectives } as OkrOptions;
    const withObjectives = replaceVariables ? interpolateOptions(written, replaceVariables) : written;
    // One row per saved key result: an `each` key result is not expanded here (its Series hint lists the series).
    const model = evaluate({
      options: withObjectives,
      frames: data,
      timeRange: { from: to, to },
      timeZone,
      now,
      expandEach: false,
    });
    const fiscalYearStartMonth = isObject(options) ? Number(options.fiscalYearStartMonth) || 0 : 0;
    return {
      model,
      // The okrQuery's and the check-in query's tables are not series to pick.
      catalog: buildCatalog(seriesFrames(options, data)),
      periodContext: { timeZone, fiscalYearStartMonth, anchor: to },
    };
  }, [options, objectives, frames, replaceVariables]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastTime(frames: DataFrame[]): number | null {
  let last: number | null = null;
  for (const frame of frames) {
    for (const field of frame.fields) {
      if (field.type !== FieldType.time) {
        continue;
      }
      for (const value of field.values) {
        if (typeof value === 'number' && (last === null || value > last)) {
          last = value;
        }
      }
    }
  }
  return last;
}
