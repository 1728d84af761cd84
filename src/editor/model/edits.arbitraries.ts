import fc from 'fast-check';

import {
  addKeyResult,
  addObjective,
  duplicateKeyResult,
  isJsonRecord,
  moveKeyResult,
  moveItem,
  removeKeyResult,
  removeObjective,
  setKeyResultField,
  setObjectiveField,
} from './edits';

/**
 * Generators shared by the property tests of the editor's pure edits (edits.property.test.ts, and
 * roundTrip.property.test.ts, which adds the migration): saved objectives with unknown keys and odd
 * values, and random sequences of the edits the forms make. Each generated objective and key result carries a unique `__tag`, so
 * the test can find it again after moves, and knows which of its keys an edit touched.
 */
const FIELDS = ['title', 'series', 'target', 'baseline', 'kind', 'period', 'futureField'];

export const oddValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('85%', '', '2026-Q5', -0.5));
export const unknownKeys = fc.dictionary(
  fc.constantFrom('zz', 'x-new', 'schemaV9', 'title', 'target', 'notes'),
  oddValue
);

let nextTag = 0;
const keyResult = unknownKeys.map((extra) => ({ ...extra, __tag: `k${nextTag++}` }));
export const objective = fc
  .record({ extra: unknownKeys, keyResults: fc.oneof(fc.array(keyResult, { maxLength: 3 }), oddValue) })
  .map(({ extra, keyResults }) => ({ ...extra, keyResults, __tag: `o${nextTag++}` }));

type Edit = { name: string; apply: (list: unknown[], touched: Map<string, Set<string>>) => unknown[] };

const index = fc.nat({ max: 4 });
const at = fc.record({ objective: index, keyResult: index });
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant({ name: 'addObjective', apply: (l: unknown[]) => addObjective(l) }),
  index.map((i) => ({ name: `removeObjective ${i}`, apply: (l: unknown[]) => removeObjective(l, i) })),
  fc
    .tuple(index, fc.constantFrom(-1, 1))
    .map(([i, d]) => ({ name: 'moveObjective', apply: (l: unknown[]) => moveItem(l, i, d) })),
  fc.tuple(index, oddValue).map(([i, value]) => ({
    name: `setObjectiveField ${i}`,
    apply: (l: unknown[], touched: Map<string, Set<string>>) => {
      touch(touched, tagOf(l[i]), 'title');
      return setObjectiveField(l, i, 'title', value);
    },
  })),
  index.map((i) => ({ name: 'addKeyResult', apply: (l: unknown[]) => addKeyResult(l, i, { series: 'mrr' }) })),
  at.map((p) => ({
    name: 'duplicateKeyResult',
    apply: (l: unknown[], touched: Map<string, Set<string>>) => {
      // The copy shares the original's tag, with a new id and title.
      touch(touched, tagOf(keyResultAt(l, p)), 'id', 'title');
      return duplicateKeyResult(l, p);
    },
  })),
  at.map((p) => ({ name: 'removeKeyResult', apply: (l: unknown[]) => removeKeyResult(l, p) })),
  fc
    .tuple(at, fc.constantFrom(-1, 1))
    .map(([p, d]) => ({ name: 'moveKeyResult', apply: (l: unknown[]) => moveKeyResult(l, p, d) })),
  fc.tuple(at, fc.constantFrom(...FIELDS), fc.oneof(oddValue, fc.constant(undefined))).map(([p, key, value]) => ({
    name: `setKeyResultField ${key}`,
    apply: (l: unknown[], touched: Map<string, Set<string>>) => {
      touch(touched, tagOf(keyResultAt(l, p)), key);
      return setKeyResultField(l, p, key, value);
    },
  }))
);

function tagOf(value: unknown): string | undefined {
  return isJsonRecord(value) && typeof value.__tag === 'string' ? value.__tag : undefined;
}

function keyResultAt(list: unknown[], p: { objective: number; keyResult: number }): unknown {
  const o = list[p.objective];
  return isJsonRecord(o) && Array.isArray(o.keyResults) ? o.keyResults[p.keyResult] : undefined;
}

function touch(touched: Map<string, Set<string>>, tag: string | undefined, ...keys: string[]) {
  if (tag) {
    touched.set(tag, new Set([...(touched.get(tag) ?? []), ...keys]));
  }
}

/** Every tagged record in the list, objectives and key results, by tag. */
export function byTag(list: unknown[]): Map<string, Array<Record<string, unknown>>> {
  const found = new Map<string, Array<Record<string, unknown>>>();
  const visit = (value: unknown) => {
    const tag = tagOf(value);
    if (tag && isJsonRecord(value)) {
      found.set(tag, [...(found.get(tag) ?? []), value]);
      if (Array.isArray(value.keyResults)) {
        value.keyResults.forEach(visit);
      }
    }
  };
  list.forEach(visit);
  return found;
}

/** What a saved dashboard gives back: JSON drops undefined values and copies everything else. */
export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Every objective and key result of `saved` still in `edited` (some edits copy one: each copy is checked)
 * has every key it was saved with, with the same value, except the keys an edit touched.
 */
export function expectUntouchedKept(saved: unknown[], edited: unknown[], touched: Map<string, Set<string>>) {
  const before = byTag(roundTrip(saved));
  const after = byTag(roundTrip(edited));
  for (const [tag, copies] of after) {
    const [original] = before.get(tag) ?? [];
    for (const copy of copies) {
      for (const [key, value] of Object.entries(original ?? {})) {
        if (key !== 'keyResults' && !touched.get(tag)?.has(key)) {
          expect(copy[key]).toEqual(value);
        }
      }
    }
  }
}
