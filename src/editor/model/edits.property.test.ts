import fc from 'fast-check';

import { byTag, edit, expectUntouchedKept, objective, roundTrip } from './edits.arbitraries';

/**
 * Whatever saved JSON comes in and whatever the analyst does in the forms, every field not edited comes
 * back unchanged after serialising (the generators are in edits.arbitraries.ts).
 */
describe('editing never loses what was not edited', () => {
  it('keeps every untouched field of every surviving objective and key result through any edits', () => {
    fc.assert(
      fc.property(fc.array(objective, { maxLength: 4 }), fc.array(edit, { maxLength: 12 }), (saved, edits) => {
        const touched = new Map<string, Set<string>>();
        const edited = edits.reduce<unknown[]>((list, e) => e.apply(list, touched), saved);
        expectUntouchedKept(saved, edited, touched);
      })
    );
  });

  it('removes only what a remove edit names', () => {
    fc.assert(
      fc.property(fc.array(objective, { maxLength: 4 }), fc.array(edit, { maxLength: 12 }), (saved, edits) => {
        const withoutRemovals = edits.filter((e) => !e.name.startsWith('remove'));
        const edited = withoutRemovals.reduce<unknown[]>((list, e) => e.apply(list, new Map()), saved);
        expect([...byTag(roundTrip(edited)).keys()].sort()).toEqual([...byTag(roundTrip(saved)).keys()].sort());
      })
    );
  });
});
