/**
 * What an import does to the current OKR set, per key result, and applying it.
 *
 * An imported key result matches a current one by `id` when a current key result has that id, else by
 * objective title + key result title. Then:
 * - added: no match; changed: a field the import sets differs (named in `fields`); unchanged: none does;
 * - removed: a current key result no imported one matches.
 *
 * Merge (the default) adds the added ones (to the objective of that title, or a new objective) and
 * updates the changed ones field by field: every field the import does not set is kept, unknown keys
 * included; nothing is removed. Replace makes the imported set the OKR set, but a matched key result (and
 * objective) still keeps the current fields the import does not set: a CSV has no milestones column, and
 * replacing with it must not wipe them.
 */
import { isRecord } from '../../okr';

export type ChangeKind = 'added' | 'changed' | 'removed' | 'unchanged';

export interface KeyResultChange {
  change: ChangeKind;
  objective: string;
  keyResult: string;
  /** For 'changed': the options the import sets to a new value, in the import's order. */
  fields: string[];
}

export type ImportMode = 'merge' | 'replace';

type Entry = { objective: Record<string, unknown>; keyResult: Record<string, unknown> };

export function diffImport(current: unknown[], imported: unknown[]): KeyResultChange[] {
  const { matches, unmatched } = matchKeyResults(current, imported);
  const changes = entriesOf(imported).map(({ objective, keyResult }): KeyResultChange => {
    const match = matches.get(keyResult);
    const fields = match ? changedFields(match.keyResult, keyResult) : [];
    const change = match === undefined ? 'added' : fields.length > 0 ? 'changed' : 'unchanged';
    return { change, objective: titleOf(objective), keyResult: titleOf(keyResult), fields };
  });
  const removed = unmatched.map(({ objective, keyResult }): KeyResultChange => {
    return { change: 'removed', objective: titleOf(objective), keyResult: titleOf(keyResult), fields: [] };
  });
  return [...changes, ...removed];
}

export function applyImport(current: unknown[], imported: unknown[], mode: ImportMode): unknown[] {
  const { matches } = matchKeyResults(current, imported);
  return mode === 'merge' ? merge(current, imported, matches) : replace(current, imported, matches);
}

function merge(current: unknown[], imported: unknown[], matches: Map<object, Entry>): unknown[] {
  const updates = new Map<object, Record<string, unknown>>();
  matches.forEach((match, keyResult) => updates.set(match.keyResult, { ...match.keyResult, ...keyResult }));
  const updated = current.map((objective) =>
    isRecord(objective) && Array.isArray(objective.keyResults)
      ? { ...objective, keyResults: objective.keyResults.map((keyResult) => updates.get(keyResult) ?? keyResult) }
      : objective
  );
  return imported.filter(isRecord).reduce<unknown[]>((result, importedObjective) => {
    const added = keyResultsOf(importedObjective).filter((keyResult) => !matches.has(keyResult));
    const at = result.findIndex((objective) => isRecord(objective) && sameObjective(objective, importedObjective));
    const target = result[at];
    if (at === -1 || !isRecord(target)) {
      const matchedAll = added.length === 0 && keyResultsOf(importedObjective).length > 0;
      return matchedAll ? result : [...result, { ...importedObjective, keyResults: added }];
    }
    const keyResults = [...(Array.isArray(target.keyResults) ? target.keyResults : []), ...added];
    return result.map((objective, i) => (i === at ? { ...target, keyResults } : objective));
  }, updated);
}

function replace(current: unknown[], imported: unknown[], matches: Map<object, Entry>): unknown[] {
  const currentObjectives = current.filter(isRecord);
  return imported.filter(isRecord).map((importedObjective) => {
    const kept = currentObjectives.find((objective) => sameObjective(objective, importedObjective));
    const keyResults = keyResultsOf(importedObjective).map((keyResult) => {
      const match = matches.get(keyResult);
      return match ? { ...match.keyResult, ...keyResult } : keyResult;
    });
    return { ...kept, ...importedObjective, keyResults };
  });
}

/** Each imported key result → the current key result it updates; and the current ones nothing matched. */
function matchKeyResults(current: unknown[], imported: unknown[]) {
  const available = entriesOf(current);
  const matches = new Map<object, Entry>();
  for (const { objective, keyResult } of entriesOf(imported)) {
    const match = findEntry(available, titleOf(objective), keyResult);
    if (match) {
      matches.set(keyResult, match);
      available.splice(available.indexOf(match), 1);
    }
  }
  return { matches, unmatched: available };
}

/**
 * The current key result an imported one would update, if any: what a merge keeps of it is what the
 * imported one is checked against, so a sheet of titles and new targets alone is a valid update.
 */
export function findCurrentKeyResult(
  current: unknown[],
  objectiveTitle: string,
  keyResult: Record<string, unknown>
): Record<string, unknown> | undefined {
  return findEntry(entriesOf(current), objectiveTitle.trim(), keyResult)?.keyResult;
}

function findEntry(entries: Entry[], objectiveTitle: string, keyResult: Record<string, unknown>): Entry | undefined {
  const byId = typeof keyResult.id === 'string' && entries.find((entry) => entry.keyResult.id === keyResult.id);
  return (
    byId ||
    entries.find(
      (entry) => titleOf(entry.objective) === objectiveTitle && titleOf(entry.keyResult) === titleOf(keyResult)
    )
  );
}

function entriesOf(objectives: unknown[]): Entry[] {
  return objectives
    .filter(isRecord)
    .flatMap((objective) => keyResultsOf(objective).map((keyResult) => ({ objective, keyResult })));
}

function keyResultsOf(objective: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(objective.keyResults) ? objective.keyResults.filter(isRecord) : [];
}

function sameObjective(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return typeof b.id === 'string' && a.id === b.id ? true : titleOf(a) === titleOf(b);
}

function changedFields(current: Record<string, unknown>, imported: Record<string, unknown>): string[] {
  return Object.keys(imported).filter((key) => JSON.stringify(imported[key]) !== JSON.stringify(current[key]));
}

function titleOf(item: Record<string, unknown>): string {
  return typeof item.title === 'string' ? item.title.trim() : '';
}
