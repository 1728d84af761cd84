/**
 * The editor's edits on saved objectives, which are untrusted JSON: every function returns a new list and
 * touches only the one objective, key result or field the analyst edited. Everything else — unknown keys,
 * values of the wrong type, fields from a newer schema — is carried through by reference, so a round trip
 * through the forms never loses what the editor does not understand.
 *
 * An edit the value cannot take (an index out of range, an objective that is not an object, `keyResults`
 * that is not a list) returns the input unchanged rather than "repairing" it; the form shows why instead.
 *
 * Example: setKeyResultField([{ title: 'Grow', x: 1, keyResults: [{ target: 5, future: [1] }] }],
 * { objective: 0, keyResult: 0 }, 'target', 7) → [{ title: 'Grow', x: 1, keyResults: [{ target: 7, future: [1] }] }].
 */

export type JsonRecord = Record<string, unknown>;

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface KeyResultDefaults {
  /** The first series of the panel's data, when it has any. */
  series?: string;
}

export interface KeyResultPosition {
  objective: number;
  keyResult: number;
}

export function addObjective(objectives: readonly unknown[]): unknown[] {
  return [...objectives, { title: 'New objective', keyResults: [] }];
}

export function removeObjective(objectives: readonly unknown[], index: number): unknown[] {
  return objectives.filter((_, i) => i !== index);
}

/** Moves one item by `delta` places; a move past either end leaves the list as it is. */
export function moveItem(list: readonly unknown[], index: number, delta: number): unknown[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) {
    return [...list];
  }
  const moved = [...list];
  const [item] = moved.splice(index, 1);
  moved.splice(to, 0, item);
  return moved;
}

export function setObjectiveField(objectives: readonly unknown[], index: number, key: string, value: unknown) {
  return updateObjective(objectives, index, (objective) => withField(objective, key, value));
}

/**
 * A new key result that evaluates at once: this quarter, increase, 10% above its automatic baseline.
 * Its id is unique among every key result of the panel, so links to it stay unambiguous.
 */
export function addKeyResult(objectives: readonly unknown[], index: number, defaults: KeyResultDefaults = {}) {
  const keyResult = {
    id: uniqueKeyResultId(objectives),
    title: 'New key result',
    series: defaults.series ?? '',
    period: 'thisQuarter',
    kind: 'increase',
    target: '+10%',
  };
  return updateKeyResults(objectives, index, (keyResults) => [...keyResults, keyResult]);
}

/** The copy goes right after the original, with a new id; a title that is not text is copied as it is. */
export function duplicateKeyResult(objectives: readonly unknown[], at: KeyResultPosition) {
  const id = uniqueKeyResultId(objectives);
  return updateKeyResults(objectives, at.objective, (keyResults) => {
    const original = keyResults[at.keyResult];
    if (!isJsonRecord(original)) {
      return keyResults;
    }
    const title = typeof original.title === 'string' ? `${original.title} (copy)` : original.title;
    const copy = { ...original, id, title };
    return [...keyResults.slice(0, at.keyResult + 1), copy, ...keyResults.slice(at.keyResult + 1)];
  });
}

export function removeKeyResult(objectives: readonly unknown[], at: KeyResultPosition) {
  return updateKeyResults(objectives, at.objective, (keyResults) => keyResults.filter((_, i) => i !== at.keyResult));
}

export function moveKeyResult(objectives: readonly unknown[], at: KeyResultPosition, delta: number) {
  return updateKeyResults(objectives, at.objective, (keyResults) => moveItem(keyResults, at.keyResult, delta));
}

/** `undefined` removes the key: an emptied Baseline means "automatic", not a baseline of "". */
export function setKeyResultField(objectives: readonly unknown[], at: KeyResultPosition, key: string, value: unknown) {
  return updateKeyResults(objectives, at.objective, (keyResults) => {
    const keyResult = keyResults[at.keyResult];
    if (!isJsonRecord(keyResult)) {
      return keyResults;
    }
    return keyResults.map((kr, i) => (i === at.keyResult ? withField(keyResult, key, value) : kr));
  });
}

/**
 * One field of one item of a nested list such as a key result's milestones; an item that is not an
 * object is left as it is. Example: setItemField([{ at: 'x', note: 1 }], 0, 'value', 5) → [{ at: 'x', note: 1, value: 5 }].
 */
export function setItemField(list: readonly unknown[], index: number, key: string, value: unknown): unknown[] {
  return list.map((item, i) => (i === index && isJsonRecord(item) ? withField(item, key, value) : item));
}

/** "kr-1", "kr-2", …: the first not used by any key result of any objective. */
export function uniqueKeyResultId(objectives: readonly unknown[]): string {
  const taken = new Set<unknown>();
  for (const objective of objectives) {
    const keyResults = isJsonRecord(objective) ? objective.keyResults : undefined;
    if (Array.isArray(keyResults)) {
      keyResults.forEach((kr) => isJsonRecord(kr) && taken.add(kr.id));
    }
  }
  let n = 1;
  while (taken.has(`kr-${n}`)) {
    n++;
  }
  return `kr-${n}`;
}

function withField(record: JsonRecord, key: string, value: unknown): JsonRecord {
  if (value === undefined) {
    const { [key]: _removed, ...rest } = record;
    return rest;
  }
  return { ...record, [key]: value };
}

function updateObjective(objectives: readonly unknown[], index: number, update: (o: JsonRecord) => JsonRecord) {
  const objective = objectives[index];
  if (!isJsonRecord(objective)) {
    return [...objectives];
  }
  return objectives.map((o, i) => (i === index ? update(objective) : o));
}

function updateKeyResults(objectives: readonly unknown[], index: number, update: (krs: unknown[]) => unknown[]) {
  return updateObjective(objectives, index, (objective) =>
    Array.isArray(objective.keyResults) ? { ...objective, keyResults: update(objective.keyResults) } : objective
  );
}
