import { MAX_FONT_PX, MAX_TITLE_LINES, MIN_FONT_PX, titleLines, wallLayout } from './wallLayout';

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
  expect(wallLayout({ width: 4000, height: 90, lines: 2 })).toEqual({ columns: 2, fontSize: 25 });
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

test('7 lines on 1920×1080 with 3 wrapped title lines: 38 px instead of 43, so the last tile still fits', () => {
  // 7 lines of 3.6 em = 25.2 em → 1080/25.2 = 42.9 px; 3 more title lines of 1.2 em → 1080/28.8 = 37.5 px.
  expect(wallLayout({ width: 1920, height: 1080, lines: 7 }).fontSize).toBe(43);
  expect(wallLayout({ width: 1920, height: 1080, lines: 7, extraTitleLines: 3 })).toEqual({ columns: 1, fontSize: 38 });
});

test('wrapped title lines spread over the columns with the rest', () => {
  // 2 columns of 12 lines (43.2 em) and 10 of the 20 extra title lines (12 em): min(1920/80, 1080/55.2) = 19.6 px.
  expect(wallLayout({ width: 1920, height: 1080, lines: 24, extraTitleLines: 20 })).toEqual({
    columns: 2,
    fontSize: 20,
  });
});

test.each`
  name          | extraTitleLines
  ${'negative'} | ${-2}
  ${'NaN'}      | ${NaN}
  ${'Infinity'} | ${Infinity}
`('$name extra title lines count as none', ({ extraTitleLines }) => {
  expect(wallLayout({ width: 1920, height: 1080, lines: 7, extraTitleLines })).toEqual({ columns: 1, fontSize: 43 });
});

test.each`
  name                       | length | lines
  ${'empty'}                 | ${0}   | ${1}
  ${'short'}                 | ${12}  | ${1}
  ${'exactly one line (40)'} | ${40}  | ${1}
  ${'one character more'}    | ${41}  | ${2}
  ${'two full lines'}        | ${80}  | ${2}
  ${'three lines'}           | ${95}  | ${3}
  ${'longer than the clamp'} | ${500} | ${MAX_TITLE_LINES}
`('a title of $length characters ($name) takes $lines line(s)', ({ length, lines }) => {
  expect(titleLines('x'.repeat(length))).toBe(lines);
});
