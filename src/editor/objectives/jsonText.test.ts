import { formatObjectives, parseObjectives } from './jsonText';

describe('parseObjectives', () => {
  it('accepts a JSON list of objectives', () => {
    expect(parseObjectives('[{"title":"Grow","keyResults":[]}]')).toEqual({
      objectives: [{ title: 'Grow', keyResults: [] }],
      error: null,
      line: null,
    });
  });

  it.each([
    ['[{"title": ', 'Not valid JSON', 1],
    ['[\n  {"title": "a"}\n  {"title": "b"}\n]', 'Not valid JSON', 3],
    ['[\n  {"title": "a",\n', 'Not valid JSON', 3],
    ['{"title":"Grow"}', 'Expected a JSON list of objectives', 1],
    ['null', 'Expected a JSON list of objectives', 1],
  ])('rejects %p with a message containing %p on line %p', (text, message, line) => {
    const result = parseObjectives(text);
    expect(result.objectives).toBeNull();
    expect(result.error).toContain(message);
    expect(result.line).toBe(line);
  });

  it('round-trips what formatObjectives writes', () => {
    const objectives = [{ title: '<img src=x onerror=alert(1)>', keyResults: [{ title: 'K', series: '/mrr.*/i' }] }];
    expect(parseObjectives(formatObjectives(objectives)).objectives).toEqual(objectives);
  });

  it('formats missing objectives as an empty list', () => {
    expect(formatObjectives(undefined)).toBe('[]');
  });
});
