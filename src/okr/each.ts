/**
 * One key result per series: `each: true` on a key result makes one key result for every series its
 * `series` matches (series.ts: a /regex/, or a display or field name several series share, such as
 * Prometheus' 'Value'). Each is evaluated on its own series alone, so it has its own status, breaches and
 * summary, and the objective rolls them up as it does any other key results.
 *
 * - Id: `<id>/<series display name> {<labels, sorted by name>}`, e.g. `p95/api {service="api"}`: made from
 *   the series, not its position, so it stays the same across refreshes and when services come and go.
 * - Title: Grafana's field variables, interpolated by the host (the panel passes Grafana's
 *   replaceVariables) with the series as data context: `${__series.name}` is the series' display name,
 *   `${__field.labels.service}` its label. "p95 under 300 ms: ${__field.labels.service}" over series
 *   with service api and web → "p95 under 300 ms: api", "p95 under 300 ms: web". A title without a
 *   field variable gets the display name in parentheses, so no two rows read the same.
 * - Matching nothing: the key result is evaluated once and says "series regex /…/ not found; available: …".
 *   A key result with a blocking problem or a period that does not resolve is evaluated once too (one
 *   invalid row, not one per series).
 * - At most MAX_EACH series per key result; the first of them says how many were left out.
 * - Without expansion (the options editor, which shows one row per saved key result and lists the series
 *   itself), the row is the worst of the series' key results (first in STATUS_WORST_FIRST, the earliest
 *   series among equals) under the saved id and title: "is any service off track?" at a glance. Over api
 *   (onTrack), checkout (offTrack), search (atRisk) the row is checkout's.
 */
import { formatLabels, type ScopedVars } from '@grafana/data';
import { evaluateKeyResult, type EvaluationContext } from './keyResult';
import type { KeyResultModel } from './model';
import { resolvePeriod } from './period';
import { STATUS_WORST_FIRST } from './progress';
import { matchAllSeries, type SeriesCandidate, type SeriesCatalog } from './series';
import type { KeyResultDef } from './validate';

/** Grafana's InterpolateFunction, as a panel gets it (replaceVariables), narrowed to what is used here. */
export type Interpolate = (text: string, scopedVars: ScopedVars) => string;

export const MAX_EACH = 500;

/** A field variable in the title: `${__series.name}`, `${__field.labels.x}`, `${__field.name}`. */
const FIELD_VARIABLE = /\$\{__(series|field)[.:}]/;

export interface EachOptions {
  /** false: one model for the saved key result (the options editor). */
  expand: boolean;
  interpolate?: Interpolate;
}

export function evaluateEach(def: KeyResultDef, context: EvaluationContext, options: EachOptions): KeyResultModel[] {
  if (!def.each) {
    return [evaluateKeyResult(def, context)];
  }
  const found = def.series !== null && def.problems.length === 0 ? matchAllSeries(context.catalog, def.series) : null;
  if (!found?.ok || found.matches.length === 0 || !resolvePeriod(def.period, context).ok) {
    return [evaluateKeyResult(def, context)];
  }
  const { matches, what } = found;
  const shown = matches.slice(0, MAX_EACH);
  if (!options.expand) {
    const all = shown.map((candidate) => evaluateKeyResult(def, alone(context, candidate)));
    const rank = (model: KeyResultModel) => STATUS_WORST_FIRST.indexOf(model.status);
    return [all.reduce((worst, model) => (rank(model) < rank(worst) ? model : worst))];
  }
  const leftOut =
    matches.length > shown.length
      ? [`${what} matches ${matches.length} series: one key result each for the first ${MAX_EACH}`]
      : [];
  return shown.map((candidate, i) => {
    const expanded: KeyResultDef = {
      ...def,
      id: `${def.id}/${seriesKey(candidate)}`,
      title: titleFor(def.title, candidate, options.interpolate),
      notes: i === 0 ? [...def.notes, ...leftOut] : def.notes,
    };
    return evaluateKeyResult(expanded, alone(context, candidate));
  });
}

/** The context with a catalog of this one series: the key result's own spec then matches exactly it. */
function alone(context: EvaluationContext, candidate: SeriesCandidate): EvaluationContext {
  const catalog: SeriesCatalog = { candidates: [candidate], emptyReason: null };
  return { ...context, catalog };
}

/** "api {service="api"}": the display name, then the labels sorted by name (Grafana's formatLabels sorts). */
export function seriesKey(candidate: SeriesCandidate): string {
  const labels = formatLabels(candidate.field.labels ?? {});
  return labels === '' ? candidate.displayName : `${candidate.displayName} ${labels}`;
}

function titleFor(template: string, candidate: SeriesCandidate, interpolate: Interpolate | undefined): string {
  if (!FIELD_VARIABLE.test(template)) {
    return `${template} (${candidate.displayName})`;
  }
  if (!interpolate) {
    return template;
  }
  try {
    const text = interpolate(template, scopedVarsFor(candidate));
    return typeof text === 'string' ? text : template;
  } catch {
    return template;
  }
}

/**
 * What Grafana's field variables read: `__series.name` as a scoped variable (the display name the
 * `series` option matched), and the data context Grafana's `__field` macro reads (name, displayName,
 * labels).
 */
function scopedVarsFor(candidate: SeriesCandidate): ScopedVars {
  const { frame, frames, field, displayName } = candidate;
  return {
    __series: { text: 'Series', value: { name: displayName } },
    __dataContext: { value: { data: frames, frame, field, frameIndex: Math.max(0, frames.indexOf(frame)) } },
  };
}
