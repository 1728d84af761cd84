/**
 * The wall view's plan, from the panel's size and the objectives' key-result counts alone: one type size,
 * a number of columns, and pages. Every key result is on some page; nobody scrolls a wall.
 *
 * Geometry, in em of the base font size (WallView sizes everything in em, so one number scales the view):
 * a page header of HEADER_EM, then per objective a header row of OBJECTIVE_EM (plus OBJECTIVE_MESSAGE_EM
 * when it has messages) and its key results as tiles of TILE_EM × at least TILE_MIN_WIDTH_EM, `columns`
 * to a row, GAP_EM apart. The smallest text on the wall is SMALLEST_TEXT_EM.
 *
 * 1. The largest size that fits everything on one page, over 1 to MAX_COLUMNS columns (ties: fewer columns),
 *    capped at MAX_FONT_PX.
 * 2. If that puts the smallest text under the legibility floor — floorPx(height): 24 px at 1080 px tall,
 *    in proportion below, never under MIN_TEXT_PX — the floor's size is used instead, with as many columns
 *    as fit across, and the objectives flow over pages (an objective cut by a page goes on with its header
 *    repeated, marked continued).
 * Example: 1920×1080, 3 objectives with 5 key results each: one page needs 3 columns at
 * min(1920/(3·16 + 2·0.3 + 1), 1080/(1.6 + 3·(1.6 + 2·7.3) + 0.3)) = min(38.7, 21.4) → 21.4 px, whose
 * smallest text (0.7em = 15 px) is under 24 px; so 34.3 px (0.7 × 34.3 = 24), 3 columns, 2 pages.
 */
export const MIN_TEXT_PX = 12;
export const MAX_FONT_PX = 72;
/** The smallest text in a tile (status word, details), relative to the base size. */
export const SMALLEST_TEXT_EM = 0.7;
export const TILE_EM = 7;
const TILE_MIN_WIDTH_EM = 16;
export const HEADER_EM = 1.6;
export const OBJECTIVE_EM = 1.6;
export const OBJECTIVE_MESSAGE_EM = 0.9;
export const GAP_EM = 0.3;
/** Horizontal padding of the wall, both sides together. */
const PADDING_EM = 1;
const MAX_COLUMNS = 4;

export interface WallSection {
  /** Index into the objectives. */
  objective: number;
  /** Indices into that objective's key results. */
  keyResults: number[];
  /** The objective started on an earlier page. */
  continued: boolean;
}

export interface WallPlan {
  fontSize: number;
  columns: number;
  pages: WallSection[][];
}

export interface WallPlanInput {
  width: number;
  height: number;
  /** Per objective: how many key results, and whether it shows a message line. */
  objectives: ReadonlyArray<{ keyResults: number; messages: boolean }>;
}

/** The smallest text a wall of this height may show: 24 px at 1080 px, in proportion, never under 12. */
export function floorPx(height: number): number {
  return Math.max(MIN_TEXT_PX, (positive(height) * 24) / 1080);
}

export function wallPlan({ width, height, objectives }: WallPlanInput): WallPlan {
  const w = positive(width);
  const h = positive(height);
  const sections = objectives.map((objective) => ({
    keyResults: Math.max(0, Math.floor(Number.isFinite(objective.keyResults) ? objective.keyResults : 0)),
    messages: objective.messages,
  }));
  let best = { columns: 1, fontSize: -Infinity };
  for (let columns = 1; columns <= MAX_COLUMNS; columns++) {
    const fontSize = Math.min(w / widthEm(columns), h / onePageEm(sections, columns));
    if (fontSize > best.fontSize) {
      best = { columns, fontSize };
    }
  }
  const floorSize = floorPx(h) / SMALLEST_TEXT_EM;
  if (best.fontSize >= floorSize) {
    const fontSize = Math.min(MAX_FONT_PX, best.fontSize);
    return { fontSize: round(fontSize), columns: best.columns, pages: [allOnOnePage(sections)] };
  }
  const fontSize = floorSize;
  let columns = 1;
  while (columns < MAX_COLUMNS && widthEm(columns + 1) * fontSize <= w) {
    columns++;
  }
  return { fontSize: round(fontSize), columns, pages: paginate(sections, columns, h / fontSize - HEADER_EM) };
}

function widthEm(columns: number): number {
  return columns * TILE_MIN_WIDTH_EM + (columns - 1) * GAP_EM + PADDING_EM;
}

function sectionEm(section: { keyResults: number; messages: boolean }, rows: number): number {
  return OBJECTIVE_EM + (section.messages ? OBJECTIVE_MESSAGE_EM : 0) + rows * (TILE_EM + GAP_EM);
}

function onePageEm(sections: ReadonlyArray<{ keyResults: number; messages: boolean }>, columns: number): number {
  const body = sections.reduce((sum, section) => sum + sectionEm(section, Math.ceil(section.keyResults / columns)), 0);
  return HEADER_EM + body + GAP_EM;
}

function allOnOnePage(sections: ReadonlyArray<{ keyResults: number }>): WallSection[] {
  return sections.map((section, objective) => ({
    objective,
    keyResults: range(0, section.keyResults),
    continued: false,
  }));
}

/**
 * Objectives in order, row by row, onto pages of `budgetEm`. A page always takes at least one row, so a
 * panel too small for one still shows every key result, one row a page.
 */
function paginate(
  sections: ReadonlyArray<{ keyResults: number; messages: boolean }>,
  columns: number,
  budgetEm: number
): WallSection[][] {
  const pages: WallSection[][] = [];
  let page: WallSection[] = [];
  let used = 0;
  const newPage = () => {
    if (page.length > 0) {
      pages.push(page);
    }
    page = [];
    used = 0;
  };
  sections.forEach((section, objective) => {
    const header = OBJECTIVE_EM + (section.messages ? OBJECTIVE_MESSAGE_EM : 0);
    const rows = Math.ceil(section.keyResults / columns);
    if (rows === 0) {
      if (used + header > budgetEm && page.length > 0) {
        newPage();
      }
      page.push({ objective, keyResults: [], continued: false });
      used += header;
      return;
    }
    let row = 0;
    while (row < rows) {
      const fits = Math.max(0, Math.floor((budgetEm - used - header) / (TILE_EM + GAP_EM)));
      if (fits === 0 && page.length > 0) {
        newPage();
        continue;
      }
      const take = Math.min(rows - row, Math.max(1, fits));
      const first = row * columns;
      const last = Math.min(section.keyResults, (row + take) * columns);
      page.push({ objective, keyResults: range(first, last), continued: row > 0 });
      used += header + take * (TILE_EM + GAP_EM);
      row += take;
    }
  });
  newPage();
  return pages.length > 0 ? pages : [[]];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function positive(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
