/**
 * Saved options (untrusted dashboard JSON) → typed definitions plus messages. Nothing here throws.
 *
 * Rules:
 * - Numbers may be numbers or numeric strings: "2000000" → 2000000, " 1.5 " → 1.5; "2M", "", true are
 *   rejected with a message naming the field and the value ("target '2M' is not a number").
 * - A key result with a blocking problem (missing/non-numeric target, unknown kind, missing series,
 *   stayWithin without targetMax ≥ target, unknown reducer) keeps its problems in `problems` and is
 *   reported as 'invalid' by evaluate; the other key results still evaluate.
 * - Panel-level settings fall back to their defaults with one message each: fiscalYearStartMonth must
 *   be an integer 0–11; tolerances must satisfy 0 ≤ atRisk ≤ offTrack; breaches.thresholds must be
 *   none/above/below; minDurationSeconds ≥ 0.
 * - Missing ids are generated from positions ("objective-1", "objective-1/kr-2") so they are stable
 *   as long as the order is; missing titles become "Objective 1" / "Key result 2".
 * - Weight defaults to 1; a negative or non-numeric weight is a non-blocking note and counts as 1.
 */
import { fieldReducers, ReducerID } from '@grafana/data';
import {
  DEFAULT_BREACH_OPTIONS,
  DEFAULT_TOLERANCES,
  KEY_RESULT_KINDS,
  type BreachOptions,
  type KeyResultKind,
  type StatusTolerances,
  type ThresholdBreachDirection,
} from '../types';

export interface MilestoneDef {
  at: unknown;
  value: number;
}

export interface KeyResultDef {
  id: string;
  title: string;
  /** null only when `problems` says why. */
  kind: KeyResultKind | null;
  series: string | null;
  period: unknown;
  baseline: number | null;
  target: number | null;
  targetMax: number | null;
  reducer: string;
  milestones: MilestoneDef[];
  weight: number;
  color?: string;
  owner?: string;
  link?: string;
  description?: string;
  /** Blocking: the KR is 'invalid'. */
  problems: string[];
  /** Non-blocking: shown, the KR still evaluates. */
  notes: string[];
}

export interface ObjectiveDef {
  id: string;
  title: string;
  owner?: string;
  description?: string;
  keyResults: KeyResultDef[];
  messages: string[];
}

export interface PanelDefs {
  fiscalYearStartMonth: number;
  tolerances: StatusTolerances;
  breaches: BreachOptions;
  objectives: ObjectiveDef[];
  messages: string[];
}

export type NumberRead = { ok: true; value: number } | { ok: false; message: string };

const THRESHOLD_DIRECTIONS: readonly ThresholdBreachDirection[] = ['none', 'above', 'below'];

export function validateOptions(options: unknown): PanelDefs {
  const source = asRecord(options);
  const messages: string[] = [];
  const objectivesRaw = source.objectives;
  if (objectivesRaw !== undefined && !Array.isArray(objectivesRaw)) {
    messages.push('objectives must be a list');
  }
  const objectives = (Array.isArray(objectivesRaw) ? objectivesRaw : []).map((raw, i) => readObjective(raw, i));
  return {
    fiscalYearStartMonth: readFiscalStart(source.fiscalYearStartMonth, messages),
    tolerances: readTolerances(source.tolerances, messages),
    breaches: readBreachOptions(source.breaches, messages),
    objectives,
    messages,
  };
}

/** Finite numbers and numeric strings; `what` names the option in the message. */
export function readNumber(value: unknown, what: string): NumberRead {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ok: true, value };
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return { ok: true, value: Number(value) };
  }
  if (value === undefined || value === null) {
    return { ok: false, message: `${what} is missing` };
  }
  return { ok: false, message: `${what} ${quote(value)} is not a number` };
}

function readObjective(raw: unknown, index: number): ObjectiveDef {
  const source = asRecord(raw);
  const id = nonEmptyString(source.id) ?? `objective-${index + 1}`;
  const messages: string[] = [];
  if (!Array.isArray(source.keyResults)) {
    messages.push('objective has no keyResults list');
  }
  const keyResults = (Array.isArray(source.keyResults) ? source.keyResults : []).map((kr, j) =>
    readKeyResult(kr, `${id}/kr-${j + 1}`, j)
  );
  return {
    id,
    title: nonEmptyString(source.title) ?? `Objective ${index + 1}`,
    owner: nonEmptyString(source.owner),
    description: nonEmptyString(source.description),
    keyResults,
    messages,
  };
}

function readKeyResult(raw: unknown, fallbackId: string, index: number): KeyResultDef {
  const source = asRecord(raw);
  const problems: string[] = [];
  const notes: string[] = [];
  const kind = readKind(source.kind, problems);
  const series = nonEmptyString(source.series) ?? null;
  if (series === null) {
    problems.push('series is missing: name a field or write /regex/');
  }
  const target = readRequired(source.target, 'target', problems);
  const targetMax = kind === 'stayWithin' ? readTargetMax(source.targetMax, target, problems) : null;
  const baseline =
    source.baseline === undefined || source.baseline === ''
      ? null
      : readRequired(source.baseline, 'baseline', problems);
  return {
    id: nonEmptyString(source.id) ?? fallbackId,
    title: nonEmptyString(source.title) ?? `Key result ${index + 1}`,
    kind,
    series,
    period: source.period,
    baseline,
    target,
    targetMax,
    reducer: readReducer(source.reducer, problems),
    milestones: readMilestones(source.milestones, notes),
    weight: readWeight(source.weight, notes),
    color: nonEmptyString(source.color),
    owner: nonEmptyString(source.owner),
    link: nonEmptyString(source.link),
    description: nonEmptyString(source.description),
    problems,
    notes,
  };
}

function readKind(value: unknown, problems: string[]): KeyResultKind | null {
  const kind = KEY_RESULT_KINDS.find((candidate) => candidate === value);
  if (kind) {
    return kind;
  }
  problems.push(`kind ${quote(value)} is not one of ${KEY_RESULT_KINDS.join(', ')}`);
  return null;
}

function readRequired(value: unknown, what: string, problems: string[]): number | null {
  const read = readNumber(value, what);
  if (read.ok) {
    return read.value;
  }
  problems.push(read.message);
  return null;
}

function readTargetMax(value: unknown, target: number | null, problems: string[]): number | null {
  const targetMax = readRequired(value, 'targetMax (the upper bound of stayWithin)', problems);
  if (targetMax !== null && target !== null && targetMax < target) {
    problems.push(`targetMax (${targetMax}) is below target (${target}): the band [target, targetMax] is empty`);
    return null;
  }
  return targetMax;
}

function readReducer(value: unknown, problems: string[]): string {
  if (value === undefined || value === null || value === '') {
    return ReducerID.lastNotNull;
  }
  if (typeof value === 'string' && fieldReducers.getIfExists(value)) {
    return value;
  }
  problems.push(`reducer ${quote(value)} is unknown; use a Grafana reducer id such as lastNotNull, mean or max`);
  return ReducerID.lastNotNull;
}

function readMilestones(value: unknown, notes: string[]): MilestoneDef[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    notes.push('milestones must be a list; ignored');
    return [];
  }
  const milestones: MilestoneDef[] = [];
  value.forEach((raw, i) => {
    const source = asRecord(raw);
    const read = readNumber(source.value, `milestone ${i + 1} value`);
    if (read.ok) {
      milestones.push({ at: source.at, value: read.value });
    } else {
      notes.push(`${read.message}; milestone ignored`);
    }
  });
  return milestones;
}

function readWeight(value: unknown, notes: string[]): number {
  if (value === undefined || value === null || value === '') {
    return 1;
  }
  const read = readNumber(value, 'weight');
  if (read.ok && read.value >= 0) {
    return read.value;
  }
  notes.push(`${read.ok ? `weight ${read.value} is negative` : read.message}; using 1`);
  return 1;
}

function readFiscalStart(value: unknown, messages: string[]): number {
  if (value === undefined || value === null) {
    return 0;
  }
  const read = readNumber(value, 'fiscalYearStartMonth');
  if (read.ok && Number.isInteger(read.value) && read.value >= 0 && read.value <= 11) {
    return read.value;
  }
  messages.push(`fiscalYearStartMonth ${quote(value)} must be a month number 0–11; using 0 (January)`);
  return 0;
}

function readTolerances(value: unknown, messages: string[]): StatusTolerances {
  if (value === undefined || value === null) {
    return { ...DEFAULT_TOLERANCES };
  }
  const source = asRecord(value);
  const atRisk = readNumber(source.atRisk ?? DEFAULT_TOLERANCES.atRisk, 'tolerances.atRisk');
  const offTrack = readNumber(source.offTrack ?? DEFAULT_TOLERANCES.offTrack, 'tolerances.offTrack');
  if (atRisk.ok && offTrack.ok && atRisk.value >= 0 && atRisk.value <= offTrack.value) {
    return { atRisk: atRisk.value, offTrack: offTrack.value };
  }
  messages.push(
    `tolerances ${quote(value)} need 0 ≤ atRisk ≤ offTrack; using ${DEFAULT_TOLERANCES.atRisk}/${DEFAULT_TOLERANCES.offTrack}`
  );
  return { ...DEFAULT_TOLERANCES };
}

function readBreachOptions(value: unknown, messages: string[]): BreachOptions {
  const source = asRecord(value);
  const thresholds = THRESHOLD_DIRECTIONS.find((direction) => direction === (source.thresholds ?? 'none'));
  if (!thresholds) {
    messages.push(`breaches.thresholds ${quote(source.thresholds)} is not none, above or below; using none`);
  }
  const minimum = readNumber(source.minDurationSeconds ?? 0, 'breaches.minDurationSeconds');
  if (!minimum.ok || minimum.value < 0) {
    messages.push(`breaches.minDurationSeconds ${quote(source.minDurationSeconds)} must be a number ≥ 0; using 0`);
  }
  return {
    thresholds: thresholds ?? DEFAULT_BREACH_OPTIONS.thresholds,
    minDurationSeconds: minimum.ok && minimum.value >= 0 ? minimum.value : DEFAULT_BREACH_OPTIONS.minDurationSeconds,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}
