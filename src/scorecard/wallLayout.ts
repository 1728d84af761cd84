/**
 * Type size for the wall view, from the panel's size alone, so it stays legible across a room.
 *
 * Each line (an objective header or a key result) is budgeted LINE_HEIGHT_EM of height and each column
 * COLUMN_WIDTH_EM of width; the base font size is the largest that fits both, for the column count
 * (1 to MAX_COLUMNS) that allows the largest size, clamped to [MIN_FONT_PX, MAX_FONT_PX].
 * Example: 1920×1080 with 1 objective and 4 KRs → 5 lines in 1 column → min(1920/40, 1080/18) = 48 px.
 *
 * Key-result titles wrap (up to MAX_TITLE_LINES) instead of being cut, so each title line beyond the first
 * adds TITLE_LINE_EM to its column's height. Example: the same panel with 7 lines, one title on 3 lines and
 * one on 2 → 3 extra lines → min(1920/40, 1080/(7·3.6 + 3·1.2)) = min(48, 37.5) → 38 px.
 */
export const MIN_FONT_PX = 12;
export const MAX_FONT_PX = 72;
const COLUMN_WIDTH_EM = 40;
/** Measured in Chromium: a key result row is 3.2em, a stay key result (with its breach line) 3.55em. */
const LINE_HEIGHT_EM = 3.6;
const MAX_COLUMNS = 3;
/** Titles wrap to at most this many lines on the wall; only longer ones end in an ellipsis. */
export const MAX_TITLE_LINES = 3;
/** The wall's line height: what one more title line costs. */
const TITLE_LINE_EM = 1.2;
/** A title's room in a COLUMN_WIDTH_EM column, after the status column (7em), the progress number and gaps. */
const TITLE_WIDTH_EM = 24;
/** Wider than Inter's average glyph, so the estimate errs towards more lines (smaller type) over clipping. */
const AVERAGE_CHAR_EM = 0.6;

export interface WallLayoutInput {
  width: number;
  height: number;
  /** Objective headers plus key results. */
  lines: number;
  /** Title lines beyond the first, summed over the key results (see titleLines). */
  extraTitleLines?: number;
}

export interface WallLayout {
  columns: number;
  fontSize: number;
}

export function wallLayout({ width, height, lines, extraTitleLines = 0 }: WallLayoutInput): WallLayout {
  const safeWidth = Number.isFinite(width) && width > 0 ? width : 0;
  const safeHeight = Number.isFinite(height) && height > 0 ? height : 0;
  const safeLines = Math.max(1, Math.floor(Number.isFinite(lines) ? lines : 1));
  const safeExtra = Number.isFinite(extraTitleLines) && extraTitleLines > 0 ? Math.ceil(extraTitleLines) : 0;
  let best: WallLayout = { columns: 1, fontSize: -Infinity };
  for (let columns = 1; columns <= Math.min(MAX_COLUMNS, safeLines); columns++) {
    // Assumes the wrapped titles spread evenly over the columns, as the lines do.
    const columnHeightEm =
      Math.ceil(safeLines / columns) * LINE_HEIGHT_EM + Math.ceil(safeExtra / columns) * TITLE_LINE_EM;
    const fontSize = Math.min(safeWidth / (columns * COLUMN_WIDTH_EM), safeHeight / columnHeightEm);
    // Strictly larger only: with a tie, fewer columns read better.
    if (fontSize > best.fontSize) {
      best = { columns, fontSize };
    }
  }
  return { columns: best.columns, fontSize: Math.round(clamp(best.fontSize, MIN_FONT_PX, MAX_FONT_PX)) };
}

/**
 * How many lines a key-result title takes on the wall, estimated from its length: 40 characters a line,
 * at most MAX_TITLE_LINES. Wider columns (height-limited panels) wrap less, so this over-counts there.
 */
export function titleLines(title: string): number {
  const charsPerLine = Math.floor(TITLE_WIDTH_EM / AVERAGE_CHAR_EM);
  return clamp(Math.ceil(title.length / charsPerLine), 1, MAX_TITLE_LINES);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
