import { DataFrame } from '@grafana/data';

import { isRecord, listNames } from '../../okr';

/**
 * The pick of a panel query by refId, shared by "Key results from a query" (okrQuery) and "Check-in query"
 * (checkInQuery): both options are `{ refId }`.
 */

/** The "None" choice: the option is off. */
export const NO_QUERY = '';

export interface RefIdChoice {
  value: string;
  label: string;
  description: string;
}

/**
 * None, then the refIds in the panel's data, each described by its rows and columns ("2 rows: objective,
 * key_result, …") so the table query is easy to tell from the KPI queries, then a saved refId the data
 * does not have (kept, never dropped from the pick).
 */
export function refIdChoices(
  frames: DataFrame[],
  saved: string | null,
  noneDescription = 'Key results from the options only'
): RefIdChoice[] {
  const present = [...new Set(frames.map((frame) => frame.refId).filter((id): id is string => Boolean(id)))];
  const missing = saved !== null && !present.includes(saved) ? [saved] : [];
  return [
    { value: NO_QUERY, label: 'None', description: noneDescription },
    ...present.map((refId) => ({ value: refId, label: refId, description: describeFrames(frames, refId) })),
    ...missing.map((refId) => ({ value: refId, label: refId, description: 'not in the current data' })),
  ];
}

/**
 * The option after a choice: `{ refId }` with any keys this version does not know kept; None (or blank
 * text) removes the option, unless it holds such keys, which stay.
 */
export function chooseRefId(saved: unknown, choice: string): Record<string, unknown> | undefined {
  const { refId: _previous, ...others } = isRecord(saved) ? saved : {};
  if (choice.trim() !== NO_QUERY) {
    return { ...others, refId: choice };
  }
  return Object.keys(others).length > 0 ? others : undefined;
}

function describeFrames(frames: DataFrame[], refId: string): string {
  const own = frames.filter((frame) => frame.refId === refId);
  const rows = own.reduce((sum, frame) => sum + frame.length, 0);
  const columns = [...new Set(own.flatMap((frame) => frame.fields.map((field) => field.name)))];
  return `${rows} ${rows === 1 ? 'row' : 'rows'}: ${listNames(columns, 6)}`;
}
