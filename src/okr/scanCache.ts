/**
 * Sharing and resuming the O(n) scans (statistics, regression sums, breach scans).
 *
 * Every scan is a fold over a window [from, to) of a series: add(state, [from, to)) then
 * add(state, [to, to2)) equals add(state, [from, to2)). Results are kept per series LINEAGE (see
 * extract.ts: a series and its appended versions share one lineage, because their first samples are
 * identical) and per scan key (the scan's parameters and window start):
 * - ten KRs on one series and period ask for the same window → the first computes, nine reuse;
 * - a live append of one point → the window grows by one sample → only that sample is scanned;
 * - a narrower window than the stored one (the time range moved back) → scanned from scratch.
 * Example: stats over [0, 100 000) stored; next call wants [0, 100 001) → one sample is added.
 *
 * Entries are held in a WeakMap keyed by the lineage, so they go when the frame's arrays go.
 */
import type { SampleWindow } from './reduce';
import type { SeriesData } from './series';

export interface Fold<S> {
  init(): S;
  /** Adds samples [window.from, window.to) to the state; may return the same (mutated) object. */
  add(state: S, window: SampleWindow): S;
}

interface FoldEntry {
  from: number;
  to: number;
  state: unknown;
}

const entriesByLineage = new WeakMap<object, Map<string, FoldEntry>>();

/** The fold's state over `window`, resumed from a stored shorter window of the same lineage when possible. */
export function foldWindow<S>(series: SeriesData, key: string, window: SampleWindow, fold: Fold<S>): S {
  let entries = entriesByLineage.get(series.lineage);
  if (!entries) {
    entries = new Map();
    entriesByLineage.set(series.lineage, entries);
  }
  const fullKey = `${key}|${window.from}`;
  const stored = entries.get(fullKey);
  const resumable = stored !== undefined && stored.from === window.from && stored.to <= window.to;
  // The stored state was made by this fold under this key, so the cast restores its own type.
  const base = resumable ? (stored.state as S) : fold.init();
  const from = resumable ? stored.to : window.from;
  const state = from < window.to ? fold.add(base, { from, to: window.to }) : base;
  entries.set(fullKey, { from: window.from, to: window.to, state });
  return state;
}
