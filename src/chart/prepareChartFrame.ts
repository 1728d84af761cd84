import { DataFrame, Field, FieldType, getFieldDisplayName, outerJoinDataFrames } from '@grafana/data';

/**
 * Joins every frame that has a time field and a number field into one frame on a shared time axis, the
 * shape uPlot draws (x first, then one column per series). Returns null when nothing can be drawn, so the
 * panel draws no empty chart: it shows the key results' messages, or PanelDataErrorView when it has none.
 */
export function prepareChartFrame(frames: DataFrame[]): DataFrame | null {
  const graphable = frames.filter(isGraphable).map(withDisplayNames(frames));
  if (graphable.length === 0) {
    return null;
  }
  const joined =
    graphable.length === 1 ? graphable[0] : outerJoinDataFrames({ frames: graphable, keepDisplayNames: true });
  if (!joined || joined.length === 0) {
    return null;
  }
  return joined;
}

function isGraphable(frame: DataFrame): boolean {
  return frame.fields.some(isTimeField) && frame.fields.some(isNumberField);
}

/** Keeps only time and number fields, with display names fixed against all frames before they merge. */
function withDisplayNames(allFrames: DataFrame[]) {
  return (frame: DataFrame): DataFrame => {
    const fields: Field[] = frame.fields.filter((field) => isTimeField(field) || isNumberField(field));
    for (const field of fields) {
      field.state = { ...field.state, displayName: getFieldDisplayName(field, frame, allFrames) };
    }
    return { ...frame, fields };
  };
}

export function isTimeField(field: Field): boolean {
  return field.type === FieldType.time;
}

export function isNumberField(field: Field): boolean {
  return field.type === FieldType.number;
}
