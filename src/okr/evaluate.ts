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
 */
import type { DataFrame } from '@grafana/data';
import { evaluateKeyResult, type EvaluationContext } from './keyResult';
import type { ObjectiveModel, PanelModel } from './model';
import { normalizeTimeZone } from './period';
import { listNames } from './readers';
import { rollUp, worstStatus } from './progress';
import { buildCatalog, type SeriesCatalog } from './series';
import { validateOptions, type ObjectiveDef } from './validate';

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
}

export function evaluate(input: EvaluateInput): PanelModel {
  const messages: string[] = [];
  const zone = normalizeTimeZone(input.timeZone);
  if (zone.message) {
    messages.push(zone.message);
  }
  const defs = validateOptions(input.options);
  messages.push(...defs.messages);
  const now = Number.isFinite(input.now) ? input.now : Date.now();
  const to = Number.isFinite(input.timeRange?.to) ? input.timeRange.to : now;
  const context: EvaluationContext = {
    catalog: safeCatalog(input.frames, messages),
    timeZone: zone.timeZone,
    fiscalYearStartMonth: defs.fiscalYearStartMonth,
    anchor: Math.min(to, now),
    tolerances: defs.tolerances,
    minDurationSeconds: defs.breaches.minDurationSeconds,
    defaultThresholdSeries: new Set(),
    timeRange: { from: input.timeRange?.from ?? to, to },
    now,
  };
  if (defs.objectives.length === 0) {
    messages.push('no objectives configured: add an objective with at least one key result');
  }
  const objectives = defs.objectives.map((objective) => evaluateObjective(objective, context));
  if (context.defaultThresholdSeries.size > 0) {
    messages.push(defaultThresholdsMessage([...context.defaultThresholdSeries]));
  }
  return { asOf: context.anchor, objectives, messages };
}

/** Said once per panel, not per key result: the thresholds still apply. */
function defaultThresholdsMessage(names: string[]): string {
  const which = names.length > 1 ? 'those series' : 'that series';
  return `breach direction is set on ${listNames(
    names.map((name) => `'${name}'`),
    5
  )}, whose thresholds are Grafana's default (80): set thresholds for ${which} (they still apply)`;
}

function evaluateObjective(objective: ObjectiveDef, context: EvaluationContext): ObjectiveModel {
  const keyResults = objective.keyResults.map((def) => evaluateKeyResult(def, context));
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

function safeCatalog(frames: unknown, messages: string[]): SeriesCatalog {
  try {
    return buildCatalog(Array.isArray(frames) ? frames : []);
  } catch (error) {
    messages.push(`could not read the data frames: ${error instanceof Error ? error.message : String(error)}`);
    return { candidates: [], emptyReason: 'the data frames could not be read' };
  }
}
