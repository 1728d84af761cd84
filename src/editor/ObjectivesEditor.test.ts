import { formatObjectives, parseObjectives } from './ObjectivesEditor';

describe('parseObjectives', () => {
  it('accepts a JSON list of objectives', () => {
    expect(parseObjectives('[{"title":"Grow","keyResults":[]}]')).toEqual({
      objectives: [{ title: 'Grow', keyResults: [] }],
      error: null,
    });
  });

  it.each([
    ['[{"title": ', 'Not valid JSON'],
    ['{"title":"Grow"}', 'Expected a JSON list of objectives'],
    ['null', 'Expected a JSON list of objectives'],
  ])('rejects %p with a message containing %p', (text, message) => {
    const result = parseObjectives(text);
    expect(result.objectives).toBeNull();
    expect(result.error).toContain(message);
  });

  it('round-trips what formatObjectives writes', () => {
    const objectives = [{ title: '<img src=x onerror=alert(1)>', keyResults: [{ title: 'K', series: '/mrr.*/i' }] }];
    expect(parseObjectives(formatObjectives(objectives)).objectives).toEqual(objectives);
  });

  it('formats missing objectives as an empty list', () => {
    expect(formatObjectives(undefined)).toBe('[]');
  });
});
