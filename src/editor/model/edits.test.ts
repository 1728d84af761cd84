import {
  addKeyResult,
  addObjective,
  duplicateKeyResult,
  moveItem,
  moveKeyResult,
  removeKeyResult,
  removeObjective,
  setKeyResultField,
  setItemField,
  setObjectiveField,
  uniqueKeyResultId,
} from './edits';

const saved = (): unknown[] => [
  { title: 'Grow', future: { x: 1 }, keyResults: [{ id: 'kr-1', title: 'MRR', target: '85%', extra: [1, 2] }] },
  'not an object',
  { title: 'Broken', keyResults: 'not a list' },
];
const first = { objective: 0, keyResult: 0 };
const keyResultsOf = (objectives: unknown[], index = 0) => (objectives[index] as { keyResults: unknown[] }).keyResults;

describe('objective edits', () => {
  it('adds an empty objective at the end', () => {
    expect(addObjective(saved()).at(-1)).toEqual({ title: 'New objective', keyResults: [] });
  });

  it.each([
    [0, ['not an object', { title: 'Broken', keyResults: 'not a list' }]],
    [5, saved()],
  ])('removing objective %p leaves %p', (index, expected) => {
    expect(removeObjective(saved(), index)).toEqual(expected);
  });

  it('sets one field and keeps unknown keys', () => {
    const objective = setObjectiveField(saved(), 0, 'title', 'Grow more')[0];
    expect(objective).toEqual({ ...(saved()[0] as object), title: 'Grow more' });
  });

  it('leaves a value that is not an object as it is', () => {
    expect(setObjectiveField(saved(), 1, 'title', 'x')).toEqual(saved());
  });
});

describe('moveItem', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [7, -1, ['a', 'b', 'c']],
  ])('moves item %p by %p → %p', (index, delta, expected) => {
    expect(moveItem(['a', 'b', 'c'], index, delta)).toEqual(expected);
  });
});

describe('key result edits', () => {
  it('adds a key result with defaults and the first series', () => {
    expect(keyResultsOf(addKeyResult(saved(), 0, { series: 'mrr' })).at(-1)).toEqual({
      id: 'kr-2',
      title: 'New key result',
      series: 'mrr',
      period: 'thisQuarter',
      kind: 'increase',
      target: '+10%',
    });
  });

  it('adds nothing where keyResults is not a list, rather than replacing it', () => {
    expect(addKeyResult(saved(), 2)).toEqual(saved());
  });

  it('duplicates right after the original with a new id and "(copy)"', () => {
    expect(keyResultsOf(duplicateKeyResult(saved(), first))).toEqual([
      { id: 'kr-1', title: 'MRR', target: '85%', extra: [1, 2] },
      { id: 'kr-2', title: 'MRR (copy)', target: '85%', extra: [1, 2] },
    ]);
  });

  it('moves and removes key results', () => {
    const two = duplicateKeyResult(saved(), first);
    const moved = keyResultsOf(moveKeyResult(two, { objective: 0, keyResult: 1 }, -1)) as Array<{ id: string }>;
    expect(moved.map((kr) => kr.id)).toEqual(['kr-2', 'kr-1']);
    expect(removeKeyResult(two, { objective: 0, keyResult: 1 })).toEqual(saved());
  });

  it.each([
    ['target', 200, { id: 'kr-1', title: 'MRR', target: 200, extra: [1, 2] }],
    ['target', undefined, { id: 'kr-1', title: 'MRR', extra: [1, 2] }],
    ['future', { a: 1 }, { id: 'kr-1', title: 'MRR', target: '85%', extra: [1, 2], future: { a: 1 } }],
  ])('sets %p to %p', (key, value, expected) => {
    expect(keyResultsOf(setKeyResultField(saved(), first, key, value))[0]).toEqual(expected);
  });

  it('never mutates its input', () => {
    const input = saved();
    const before = JSON.stringify(input);
    setKeyResultField(input, first, 'target', 1);
    duplicateKeyResult(input, first);
    moveKeyResult(input, first, 1);
    removeKeyResult(input, first);
    addKeyResult(input, 0);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('uniqueKeyResultId', () => {
  it.each([
    [[], 'kr-1'],
    [[{ keyResults: [{ id: 'kr-1' }, { id: 'kr-3' }] }, { keyResults: [{ id: 'kr-2' }] }], 'kr-4'],
    [[null, { keyResults: 'x' }, { keyResults: [null, { id: 5 }] }], 'kr-1'],
  ])('in %j is %p', (objectives, id) => {
    expect(uniqueKeyResultId(objectives)).toBe(id);
  });
});

describe('setItemField', () => {
  it.each([
    [0, 'value', 5, [{ at: '2026-08-01', note: [1], value: 5 }, 'odd']],
    [0, 'at', undefined, [{ note: [1], value: 'x' }, 'odd']],
    [1, 'value', 5, [{ at: '2026-08-01', note: [1], value: 'x' }, 'odd']],
  ])('item %p: %p = %p', (index, key, value, expected) => {
    expect(setItemField([{ at: '2026-08-01', note: [1], value: 'x' }, 'odd'], index, key, value)).toEqual(expected);
  });
});
