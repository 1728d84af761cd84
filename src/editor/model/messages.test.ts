import { groupMessages, messageField } from './messages';

describe('messageField', () => {
  it.each([
    ["series 'x' not found; available: mrr", 'series'],
    ['series is missing: name a field or write /regex/', 'series'],
    ["kind 'grow' is not one of increase", 'kind'],
    ["period '2026-Q5' is not one of …", 'period'],
    ["baseline 'a' is not a number", 'baseline'],
    ["target 'x' is not a number", 'target'],
    ['targetMax (5) is below target (9): the band [target, targetMax] is empty', 'targetMax'],
    ["reducer 'avg' is unknown", 'reducer'],
    ['weight -1 is negative; using 1', 'weight'],
    ["milestone at '2026-13-01' is not an ISO date; ignored", 'milestones'],
    ['milestones must be a list; ignored', 'milestones'],
    ['no data in the period', 'keyResult'],
    ['targeting is …', 'keyResult'],
    ["targetSeries 'plan' not found; available: mrr", 'targetSeries'],
    ['targetMaxSeries 5 must be a series name or /regex/', 'targetMaxSeries'],
    ["targets step 2 from '2026-13-01' is not an ISO date", 'targets'],
    ["target 999 is not used: the target over time comes from targetSeries 'plan'", 'target'],
    ['no target in force at as-of: …', 'keyResult'],
  ])('%p is about %p', (message, field) => {
    expect(messageField(message)).toBe(field);
  });
});

describe('groupMessages', () => {
  it('groups by field and keeps each message once, in order', () => {
    expect(groupMessages(['series a', 'no data', 'series b', 'series a'])).toEqual({
      series: ['series a', 'series b'],
      keyResult: ['no data'],
    });
  });
});
