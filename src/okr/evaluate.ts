/**
 * The core's one entry point: (options, frames, time range, time zone, now) → PanelModel.
 *
 * Called once per data or options change (the panel memoizes it); the views only draw the result.
 * Each distinct series is extracted once and shared by every key result that uses it, and identical
 * scans (same series, window and bounds) run once (scanCache.ts): ten KRs on one 1M-point series cost
 * one extraction plus one pass per distinct scan. A live append re-scans only the new samples.
 *
 * Bad input never throws: options are validated into definitions with messages (validate.ts), each key
 * result is evaluated inside its own try/catch (keyResult.ts), and panel-level problems (unknown time
 * zone, bad tolerances, no objectives) land in `messages`.
 * Example: two KRs, one with series 'nope' → that KR is noData with "series 'nope' not found;
 * available: mrr, churn"; the other evaluates normally.
 *
 * Key results from data: the frames of `okrQuery` are read as rows of key results and added to the
 * options' (okrQuery.ts), and are not KPI series; a key result with `each: true` becomes one key result
 * per matching series (each.ts).
 *
 * The check-in query's frames (options.checkInQuery.refId) are read as check-ins (checkIns.ts) and never
 * as KPI series; the dashboard's annotations are read for the chart (annotations.ts).
 */
import type { DataFrame } from '@grafana/data';
import { readAnnotations } from './annotations';
import { isCheckInFrame, NO_CHECK_INS, readCheckIns, type CheckInRead } from './checkIns';
import { evaluateEach, type EachOptions, type Interpolate } from './each';
import { type EvaluationContext } from './keyResult';
import type { KeyResultModel, ObjectiveModel, PanelModel } from './model';
import { normalizeTimeZone } from './period';
import { kpiFrames, readOkrQuery } from './okrQuery';
import { asRecord, listNames } from './readers';
import { rollUp, worstStatus } from './progress';
import { buildCatalog, type SeriesCatalog } from './series';
import { readCheckInQuery, validateOptions, type ObjectiveDef, type PanelDefs } from './validate';

export interface EvaluateInput {
  /** Saved panel options (OkrOptions), untrusted. */
  options: unknown;
  /** Frames as Grafana hands a panel (after applyFieldOverrides). */
  frames: DataFrame[];
  /** Epoch ms. */
  timeRange: { from: number; to: number };
  /** 'utc', 'browser' or an IANA zone. */
  timeZone?: string;
  /** Epoch ms; passed in so evaluation is deterministic. */
  now: number;
  /**
   * Grafana's replaceVariables: interpolates field variables (`${__field.labels.service}`) in the titles of
   * `each` key results. Without it those titles are shown as written.
   */
  interpolate?: Interpolate;
  /** false: an `each` key result stays one key result (the options editor's rows). Default true. */
  expandEach?: boolean;
  /** The dashboard's annotations (PanelData.annotations), drawn on the chart. */
  annotations?: DataFrame[];
}

export function evaluate(input: EvaluateInput): PanelModel {
  const messages: string[] = [];
  const zone = normalizeTimeZone(input.timeZone);
  if (zone.message) {
    messages.push(zone.message);
  }
  const defs = validateOptions(input.options);
  messages.push(...defs.messages);
  const frames = Array.isArray(input.frames) ? input.frames : [];
  const query = readOkrQuery({
    okrQuery: asRecord(input.options).okrQuery,
    frames,
    objectives: defs.objectives,
    manualAllowed: defs.checkInQuery.configured,
  });
  messages.push(...query.messages);
  const now = Number.isFinite(input.now) ? input.now : Date.now();
  const to = Number.isFinite(input.timeRange?.to) ? input.timeRange.to : now;
  const checkIns = safeCheckIns({ defs, objectives: query.objectives, frames, timeZone: zone.timeZone, messages });
  const annotations = readAnnotations(input.annotations);
  messages.push(...annotations.messages);
  const context: EvaluationContext = {
    catalog: safeCatalog(withoutCheckIns(query.series, defs.checkInQuery.refId), messages),
    checkIns,
    timeZone: zone.timeZone,
    fiscalYearStartMonth: defs.fiscalYearStartMonth,
    anchor: Math.min(to, now),
    tolerances: defs.tolerances,
    minDurationSeconds: defs.breaches.minDurationSeconds,
    defaultThresholdSeries: new Set(),
    timeRange: { from: input.timeRange?.from ?? to, to },
    now,
  };
  if (query.objectives.length === 0 && !query.query) {
    messages.push('no objectives configured: add an objective with at least one key result');
  }
  const each: EachOptions = { expand: input.expandEach !== false, interpolate: input.interpolate };
  const objectives = query.objectives.map((objective) => evaluateObjective(objective, context, each));
  if (context.defaultThresholdSeries.size > 0) {
    messages.push(defaultThresholdsMessage([...context.defaultThresholdSeries]));
  }
  return {
    asOf: context.anchor,
    objectives: withUniqueModelIds(objectives),
    messages,
    query: query.query,
    annotations: annotations.annotations,
    wallPageSeconds: defs.wall.pageSeconds,
    chartLayout: defs.chartLayout,
  };
}

/**
 * Ids are unique after `each` made its key results too: two series with one name and the same labels
 * give one id twice, so the second gets " (2)" and a note, as repeated ids in the options do.
 */
function withUniqueModelIds(objectives: ObjectiveModel[]): ObjectiveModel[] {
  const taken = new Set<string>();
  const unique = (kr: KeyResultModel): KeyResultModel => {
    let id = kr.id;
    for (let n = 2; taken.has(id); n++) {
      id = `${kr.id} (${n})`;
    }
    taken.add(id);
    const note = `id '${kr.id}' is already used on this panel; this one is shown as '${id}'`;
    return id === kr.id ? kr : { ...kr, id, messages: [...kr.messages, note] };
  };
  return objectives.map((objective) => ({ ...objective, keyResults: objective.keyResults.map(unique) }));
}

/**
 * The frames that hold KPI series: all but the OKR table's and the check-in query's (the same array when
 * there are none), so neither is charted, matched or offered as a series. For views, which get the options
 * as saved.
 */
export function seriesFrames(options: unknown, frames: DataFrame[]): DataFrame[] {
  const record = asRecord(options);
  return withoutCheckIns(kpiFrames(frames, record.okrQuery), readCheckInQuery(record.checkInQuery, []).refId);
}

function withoutCheckIns(frames: DataFrame[], refId: string | null): DataFrame[] {
  return refId !== null && frames.some((frame) => isCheckInFrame(frame, refId))
    ? frames.filter((frame) => !isCheckInFrame(frame, refId))
    : frames;
}

function safeCheckIns(input: {
  defs: PanelDefs;
  /** The options' objectives with the OKR table's rows, whose key results take check-ins too. */
  objectives: ObjectiveDef[];
  frames: DataFrame[];
  timeZone: string;
  messages: string[];
}): CheckInRead {
  const { defs, objectives, frames, timeZone, messages } = input;
  const refId = defs.checkInQuery.refId;
  if (refId === null) {
    return NO_CHECK_INS;
  }
  const keyResults = objectives.flatMap((objective) => objective.keyResults);
  try {
    const read = readCheckIns({ refId, frames, keyResults, timeZone });
    messages.push(...read.messages);
    return read;
  } catch (error) {
    messages.push(`could not read the check-ins: ${error instanceof Error ? error.message : String(error)}`);
    return NO_CHECK_INS;
  }
}

/** Said once per panel, not per key result: the thresholds still apply. */
function defaultThresholdsMessage(names: string[]): string {
  const which = names.length > 1 ? 'those series' : 'that series';
  return `breach direction is set on ${listNames(
    names.map((name) => `'${name}'`),
    5
  )}, whose thresholds are Grafana's default (80): set thresholds for ${which} (they still apply)`;
}

function evaluateObjective(objective: ObjectiveDef, context: EvaluationContext, each: EachOptions): ObjectiveModel {
  const keyResults = objective.keyResults.flatMap((def) => evaluateEach(def, context, each));
  return {
    id: objective.id,
    title: objective.title,
    progress: rollUp(keyResults),
    status: worstStatus(keyResults.map((keyResult) => keyResult.status)),
    keyResults,
    messages: objective.messages,
    owner: objective.owner,
    description: objective.description,
  };
}

function safeCatalog(frames: DataFrame[], messages: string[]): SeriesCatalog {
  try {
    return buildCatalog(frames);
  } catch (error) {
    messages.push(`could not read the data frames: ${error instanceof Error ? error.message : String(error)}`);
    return { candidates: [], emptyReason: 'the data frames could not be read' };
  }
}
