import { MAX_FONT_PX, MIN_FONT_PX, wallLayout } from './wallLayout';

test('1920×1080 with one objective and four key results: 48 px in one column', () => {
  expect(wallLayout({ width: 1920, height: 1080, lines: 5 })).toEqual({ columns: 1, fontSize: 48 });
});

test('type grows with the panel', () => {
  const sizes = [
    [400, 300],
    [800, 450],
    [1200, 700],
    [1920, 1080],
  ].map(([width, height]) => wallLayout({ width, height, lines: 6 }).fontSize);
  for (let i = 1; i < sizes.length; i++) {
    expect(sizes[i]).toBeGreaterThan(sizes[i - 1]);
  }
});

test('24 lines on 1920×1080 flow into two columns at 24 px instead of one column at 15 px', () => {
  expect(wallLayout({ width: 1920, height: 1080, lines: 24 })).toEqual({ columns: 2, fontSize: 24 });
});

test('a wide, short banner puts its lines side by side', () => {
  expect(wallLayout({ width: 4000, height: 90, lines: 2 })).toEqual({ columns: 2, fontSize: 30 });
});

test.each`
  name                 | width    | height   | lines  | fontSize
  ${'tiny panel'}      | ${100}   | ${50}    | ${5}   | ${MIN_FONT_PX}
  ${'huge panel'}      | ${10000} | ${10000} | ${1}   | ${MAX_FONT_PX}
  ${'zero size'}       | ${0}     | ${0}     | ${3}   | ${MIN_FONT_PX}
  ${'NaN size'}        | ${NaN}   | ${NaN}   | ${NaN} | ${MIN_FONT_PX}
  ${'no lines at all'} | ${800}   | ${600}   | ${0}   | ${20}
`('$name → $fontSize px', ({ width, height, lines, fontSize }) => {
  expect(wallLayout({ width, height, lines }).fontSize).toBe(fontSize);
});
