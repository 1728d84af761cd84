import { ViewMode } from '../types';

/**
 * Which views the panel shows, and at what size, from the view option and the panel's shape.
 * auto: a wide panel (at least 1.6× as wide as high and 720 px wide) puts the scorecard beside the chart
 * (38% of the width); a panel of 420 px or more in height puts it below (40% of the height); anything
 * smaller shows the scorecard alone, which stays readable where a chart would not.
 * Example: 1200×600 → chart 744×600 + scorecard 456×600; 600×800 → chart 600×480 + scorecard 600×320.
 */
export type PanelLayout =
  | { kind: 'chart'; chart: Size }
  | { kind: 'scorecard' | 'wall'; card: Size }
  | { kind: 'combined'; direction: 'row' | 'column'; chart: Size; card: Size };

export interface Size {
  width: number;
  height: number;
}

const SIDE_SHARE = 0.38;
const BELOW_SHARE = 0.4;

export function choosePanelLayout(view: ViewMode | undefined, { width, height }: Size): PanelLayout {
  switch (view) {
    case 'chart':
      return { kind: 'chart', chart: { width, height } };
    case 'scorecard':
    case 'wall':
      return { kind: view, card: { width, height } };
    default:
      return autoLayout(width, height);
  }
}

function autoLayout(width: number, height: number): PanelLayout {
  if (width >= 1.6 * height && width >= 720) {
    const cardWidth = Math.round(width * SIDE_SHARE);
    return {
      kind: 'combined',
      direction: 'row',
      chart: { width: width - cardWidth, height },
      card: { width: cardWidth, height },
    };
  }
  if (height >= 420) {
    const cardHeight = Math.round(height * BELOW_SHARE);
    return {
      kind: 'combined',
      direction: 'column',
      chart: { width, height: height - cardHeight },
      card: { width, height: cardHeight },
    };
  }
  return { kind: 'scorecard', card: { width, height } };
}

/**
 * The layout when there is no chart to draw (no key result matched a series and no frame has a number
 * field): the combined view gives the whole panel to the scorecard, whose rows say why each key result
 * has no series; the chart view keeps its summary lines, which carry the same messages.
 * Example: combined 1200×600 → scorecard 1200×600.
 */
export function layoutWithoutChart(layout: PanelLayout, size: Size): PanelLayout {
  return layout.kind === 'combined' ? { kind: 'scorecard', card: size } : layout;
}
