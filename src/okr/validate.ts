/**
 * Saved options (untrusted dashboard JSON) → typed definitions plus messages. Nothing here throws, and
 * nothing is rewritten: a value that cannot be used gets a message naming the field, the value and what
 * is used instead.
 *
 * - Key results: keyResultDef.ts (blocking problems make a KR 'invalid'; the others still evaluate).
 * - Panel-level settings fall back to their defaults with one message each: fiscalYearStartMonth must be
 *   an integer 0–11; tolerances an object with 0 ≤ atRisk ≤ offTrack; breaches an object with
 *   minDurationSeconds ≥ 0; view one of auto, chart, scorecard, wall; chart.layout one of auto, shared,
 *   perKeyResult. Options saved by a newer plugin
 *   (schemaVersion above ours) are read as far as they can be, with a message.
 * - breaches.thresholds (schema 1) moved to the per-series field config `breachDirection`; the
 *   migration moves it, and a value still here (one the migration did not understand) is reported.
 * - Missing ids are generated from positions ("objective-1", "objective-1/kr-2") so they are stable
 *   as long as the order is; missing titles become "Objective 1" / "Key result 2".
 * - Ids are unique across the panel: a repeated id gets a suffix (" (2)") and a note, so every key
 *   result stays distinct (views key their rows by id).
 * - checkInQuery: absent, or with an empty refId, means no check-ins. Otherwise its refId names the query
 *   whose table holds the check-ins (checkIns.ts), and a key result with no series is updated by hand
 *   (keyResultDef.ts); a refId that is not text is reported, and such key results say they have no check-ins.
 */
import {
  DEFAULT_BREACH_OPTIONS,
  DEFAULT_TOLERANCES,
  CHART_LAYOUTS,
  DEFAULT_WALL_OPTIONS,
  OPTIONS_SCHEMA_VERSION,
  type ChartLayoutMode,
  type StatusTolerances,
} from '../types';
import { readKeyResult, type KeyResultDef } from './keyResultDef';
import { asRecord, isRecord, isUnset, nonEmptyString, quote, readNumber } from './readers';

export type { KeyResultDef, MilestoneDef } from './keyResultDef';
export { readNumber, type NumberRead } from './readers';

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
  breaches: { minDurationSeconds: number };
  /** The wall view's page interval (wall.pageSeconds), at least 1 s. */
  wall: { pageSeconds: number };
  /** The chart's arrangement (chart.layout): auto, shared or perKeyResult. */
  chartLayout: ChartLayoutMode;
  objectives: ObjectiveDef[];
  /** The check-in query; `configured` also when its refId is unusable (key results without series are then manual). */
  checkInQuery: CheckInQueryDef;
  messages: string[];
}

export interface CheckInQueryDef {
  configured: boolean;
  /** null when not configured or not usable (a message says why). */
  refId: string | null;
}

const VIEWS = ['auto', 'chart', 'scorecard', 'wall'];

export function validateOptions(options: unknown): PanelDefs {
  const source = asRecord(options);
  const messages: string[] = [];
  readSchemaVersion(source.schemaVersion, messages);
  const objectivesRaw = source.objectives;
  if (objectivesRaw !== undefined && !Array.isArray(objectivesRaw)) {
    messages.push(`objectives ${quote(objectivesRaw)} must be a list of objectives`);
  }
  const objectiveIds = new Set<string>();
  const checkInQuery = readCheckInQuery(source.checkInQuery, messages);
  const objectives = (Array.isArray(objectivesRaw) ? objectivesRaw : []).map((raw, i) =>
    readObjective(raw, { index: i, takenIds: objectiveIds, manualAllowed: checkInQuery.configured })
  );
  readView(source.view, messages);
  return {
    fiscalYearStartMonth: readFiscalStart(source.fiscalYearStartMonth, messages),
    tolerances: readTolerances(source.tolerances, messages),
    breaches: readBreachOptions(source.breaches, messages),
    wall: readWallOptions(source.wall, messages),
    chartLayout: readChartLayout(source.chart, messages),
    objectives: withUniqueKeyResultIds(objectives),
    checkInQuery,
    messages,
  };
}

function readObjective(
  raw: unknown,
  { index, takenIds, manualAllowed }: { index: number; takenIds: Set<string>; manualAllowed: boolean }
): ObjectiveDef {
  const source = asRecord(raw);
  const written = nonEmptyString(source.id) ?? `objective-${index + 1}`;
  // Unique before its key results' generated ids are made from it.
  const id = uniqueId(written, takenIds);
  const messages: string[] = id === written ? [] : [duplicateNote(written, id)];
  if (!Array.isArray(source.keyResults)) {
    messages.push(isRecord(raw) ? 'objective has no keyResults list' : `objective ${quote(raw)} is not an object`);
  }
  const keyResults = (Array.isArray(source.keyResults) ? source.keyResults : []).map((kr, j) =>
    readKeyResult(kr, `${id}/kr-${j + 1}`, j, { manualAllowed })
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

/** Key-result ids repeated anywhere on the panel get " (2)", " (3)"… and a note. */
function withUniqueKeyResultIds(objectives: ObjectiveDef[]): ObjectiveDef[] {
  const taken = new Set<string>();
  return objectives.map((objective) => ({
    ...objective,
    keyResults: objective.keyResults.map((kr) => {
      const id = uniqueId(kr.id, taken);
      return id === kr.id ? kr : { ...kr, id, notes: [...kr.notes, duplicateNote(kr.id, id)] };
    }),
  }));
}

function uniqueId(id: string, taken: Set<string>): string {
  let unique = id;
  for (let n = 2; taken.has(unique); n++) {
    unique = `${id} (${n})`;
  }
  taken.add(unique);
  return unique;
}

function duplicateNote(id: string, used: string): string {
  return `id ${quote(id)} is already used on this panel; this one is shown as ${quote(used)}`;
}

export function readCheckInQuery(value: unknown, messages: string[]): CheckInQueryDef {
  if (isUnset(value) || (isRecord(value) && isUnset(value.refId))) {
    return { configured: false, refId: null };
  }
  const refId = isRecord(value) ? value.refId : undefined;
  if (typeof refId === 'string' && refId.trim() !== '') {
    return { configured: true, refId };
  }
  messages.push(
    isRecord(value)
      ? `checkInQuery.refId ${quote(refId)} must be the refId of a query, such as 'CHECKINS'; no check-ins are read`
      : `checkInQuery ${quote(value)} must be an object such as {"refId": "CHECKINS"}; no check-ins are read`
  );
  return { configured: true, refId: null };
}

function readSchemaVersion(value: unknown, messages: string[]): void {
  const version = Number(value);
  if (Number.isInteger(version) && version > OPTIONS_SCHEMA_VERSION) {
    messages.push(
      `these options were saved by a newer plugin (schemaVersion ${version}; this one reads up to ${OPTIONS_SCHEMA_VERSION}): settings it does not know are ignored`
    );
  }
}

function readView(value: unknown, messages: string[]): void {
  if (value !== undefined && !VIEWS.includes(value as string)) {
    messages.push(`view ${quote(value)} is not one of ${VIEWS.join(', ')}; using auto`);
  }
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
  if (isRecord(value) && atRisk.ok && offTrack.ok && atRisk.value >= 0 && atRisk.value <= offTrack.value) {
    return { atRisk: atRisk.value, offTrack: offTrack.value };
  }
  messages.push(
    `tolerances ${quote(value)} need 0 ≤ atRisk ≤ offTrack; using ${DEFAULT_TOLERANCES.atRisk}/${DEFAULT_TOLERANCES.offTrack}`
  );
  return { ...DEFAULT_TOLERANCES };
}

/** wall.pageSeconds: a number of seconds, at least 1 (default 15); anything else says so and uses 15. */
function readWallOptions(value: unknown, messages: string[]): { pageSeconds: number } {
  const fallback = DEFAULT_WALL_OPTIONS.pageSeconds;
  if (value === undefined || value === null) {
    return { pageSeconds: fallback };
  }
  if (!isRecord(value)) {
    messages.push(`wall ${quote(value)} must be an object such as {"pageSeconds": 15}; pages turn every ${fallback} s`);
    return { pageSeconds: fallback };
  }
  if (value.pageSeconds === undefined || value.pageSeconds === null) {
    return { pageSeconds: fallback };
  }
  const seconds = readNumber(value.pageSeconds, 'wall.pageSeconds');
  if (!seconds.ok || seconds.value < 1) {
    messages.push(
      `wall.pageSeconds ${quote(value.pageSeconds)} must be a number of seconds, at least 1; pages turn every ${fallback} s`
    );
    return { pageSeconds: fallback };
  }
  return { pageSeconds: seconds.value };
}

/** chart.layout: one of auto, shared, perKeyResult (absent: auto); anything else says so and uses auto. */
function readChartLayout(value: unknown, messages: string[]): ChartLayoutMode {
  if (value === undefined || value === null) {
    return 'auto';
  }
  if (!isRecord(value)) {
    messages.push(`chart ${quote(value)} must be an object such as {"layout": "auto"}; the chart layout is auto`);
    return 'auto';
  }
  if (isUnset(value.layout)) {
    return 'auto';
  }
  if (CHART_LAYOUTS.includes(value.layout as ChartLayoutMode)) {
    return value.layout as ChartLayoutMode;
  }
  messages.push(`chart.layout ${quote(value.layout)} is not one of ${CHART_LAYOUTS.join(', ')}; using auto`);
  return 'auto';
}

function readBreachOptions(value: unknown, messages: string[]): { minDurationSeconds: number } {
  const fallback = DEFAULT_BREACH_OPTIONS.minDurationSeconds;
  if (value === undefined || value === null) {
    return { minDurationSeconds: fallback };
  }
  if (!isRecord(value)) {
    messages.push(`breaches ${quote(value)} must be an object such as {"minDurationSeconds": 60}; using the defaults`);
    return { minDurationSeconds: fallback };
  }
  if (value.thresholds !== undefined && value.thresholds !== 'none') {
    messages.push(
      `breaches.thresholds ${quote(value.thresholds)} is no longer read: set "Breach direction" (above or below) per series in the field config`
    );
  }
  const minimum = readNumber(value.minDurationSeconds ?? fallback, 'breaches.minDurationSeconds');
  if (!minimum.ok || minimum.value < 0) {
    messages.push(`breaches.minDurationSeconds ${quote(value.minDurationSeconds)} must be a number ≥ 0; using 0`);
    return { minDurationSeconds: fallback };
  }
  return { minDurationSeconds: minimum.value };
}
