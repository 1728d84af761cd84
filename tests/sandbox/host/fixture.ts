import { DataFrame, DataFrameJSON, dataFrameFromJSON, FieldConfigSource } from '@grafana/data';

/** A panel fixture: the one JSON shape that tests, screenshots and bug reports share (see README). */
export interface PanelFixture {
  options: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  frames: DataFrameJSON[];
  /** The dashboard's annotations (PanelData.annotations: time, timeEnd, isRegion, title, text, tags, color). */
  annotations?: DataFrameJSON[];
  /** Absolute (ISO, epoch ms) or relative (`now-7d`, `now/fQ`) as in a dashboard's time picker. */
  timeRange: { from: string; to: string };
  timeZone?: string;
  /** The panel's content size in pixels (what the plugin gets as width × height, inside Grafana's chrome). */
  width?: number;
  height?: number;
  theme?: 'dark' | 'light';
  /** The panel title shown in Grafana's panel header (may use variables); none = a hover header. */
  title?: string;
  /**
   * The plugin version the panel was saved with. As in Grafana, options are migrated only when it differs
   * from the plugin's (a panel saved without one is migrated).
   */
  pluginVersion?: string;
  /**
   * Dashboard variables: `"env": "prod"` is a text box variable; `{ "value": "eu", "options": ["eu", "us"] }`
   * a custom (drop-down) variable.
   */
  variables?: Record<string, string | VariableFixture>;
  /** Epoch ms or ISO time the panel takes as "now" (default: the real clock). */
  now?: string | number;
}

export interface VariableFixture {
  value: string;
  options?: string[];
  label?: string;
}

export function framesFromJson(frames: DataFrameJSON[]): DataFrame[] {
  // dataFrameFromJSON mutates its argument.
  return frames.map((frame) => dataFrameFromJSON(structuredClone(frame)));
}

/** A fixture's time as Grafana's time picker takes it: epoch ms become ISO, everything else is as written. */
export function timePickerText(value: string | number): string {
  const text = String(value);
  return /^-?\d+$/.test(text) ? new Date(Number(text)).toISOString() : text;
}
