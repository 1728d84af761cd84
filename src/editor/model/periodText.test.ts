import { periodText } from './periodText';

describe('periodText', () => {
  it.each([
    [
      { start: Date.UTC(2026, 6 /* Jul */, 1), end: Date.UTC(2026, 9 /* Oct */, 1), label: '2026-Q3' },
      'utc',
      '2026-Q3: Jul 1 – Sep 30, 2026',
    ],
    [
      { start: Date.UTC(2026, 9 /* Oct */, 1), end: Date.UTC(2027, 3 /* Apr */, 1), label: '2026-H2' },
      'utc',
      '2026-H2: Oct 1, 2026 – Mar 31, 2027',
    ],
    [
      // Tokyo's Q3 starts at 15:00 UTC on Jun 30.
      { start: Date.UTC(2026, 5 /* Jun */, 30, 15), end: Date.UTC(2026, 8 /* Sep */, 30, 15), label: '2026-Q3' },
      'Asia/Tokyo',
      '2026-Q3: Jul 1 – Sep 30, 2026',
    ],
  ])('%p in %p reads %p', (period, timeZone, text) => {
    expect(periodText(period, timeZone)).toBe(text);
  });
});
