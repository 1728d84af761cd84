/**
 * Type size for the wall view, from the panel's size alone, so it stays legible across a room.
 *
 * Each line (an objective header or a key result) is budgeted LINE_HEIGHT_EM of height and each column
 * COLUMN_WIDTH_EM of width; the base font size is the largest that fits both, for the column count
 * (1 to MAX_COLUMNS) that allows the largest size, clamped to [MIN_FONT_PX, MAX_FONT_PX].
 * Example: 1920×1080 with 1 objective and 4 KRs → 5 lines in 1 column → min(1920/40, 1080/15) = 48 px.
 */
export const MIN_FONT_PX = 12;
export const MAX_FONT_PX = 72;
const COLUMN_WIDTH_EM = 40;
const LINE_HEIGHT_EM = 3;
const MAX_COLUMNS = 3;

export interface WallLayoutInput {
  width: number;
  height: number;
  /** Objective headers plus key results. */
  lines: number;
}

export interface WallLayout {
  columns: number;
  fontSize: number;
}

export function wallLayout({ width, height, lines }: WallLayoutInput): WallLayout {
  const safeWidth = Number.isFinite(width) && width > 0 ? width : 0;
  const safeHeight = Number.isFinite(height) && height > 0 ? height : 0;
  const safeLines = Math.max(1, Math.floor(Number.isFinite(lines) ? lines : 1));
  let best: WallLayout = { columns: 1, fontSize: -Infinity };
  for (let columns = 1; columns <= Math.min(MAX_COLUMNS, safeLines); columns++) {
    const linesPerColumn = Math.ceil(safeLines / columns);
    const fontSize = Math.min(safeWidth / (columns * COLUMN_WIDTH_EM), safeHeight / (linesPerColumn * LINE_HEIGHT_EM));
    // Strictly larger only: with a tie, fewer columns read better.
    if (fontSize > best.fontSize) {
      best = { columns, fontSize };
    }
  }
  return { columns: best.columns, fontSize: Math.round(clamp(best.fontSize, MIN_FONT_PX, MAX_FONT_PX)) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
