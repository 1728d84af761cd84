/**
 * The dashboard's annotations (PanelData.annotations: deploys, incidents, alert state changes) → the
 * points and regions the chart draws, read as Grafana's time series panel reads them: frames with a
 * `time` field and any of timeEnd, isRegion, title, text, tags, color. Frames named 'exemplar' or
 * 'xymark' (not time annotations) and empty frames are skipped, as Grafana does.
 *
 * A row is a region when isRegion is true or, in a frame with no isRegion field, when timeEnd is after
 * time; otherwise a point. A row whose time cannot be read is skipped with a message; a region whose end
 * is missing or not after its start is drawn as a point, with a message. Text is kept as written (views
 * render it as text, never as HTML).
 * Example: (time Aug 3 14:00, text 'Deploy v2.4') → a point at Aug 3 14:00; (time Aug 5 09:00, timeEnd
 * Aug 5 11:30, isRegion true, title 'Incident 42') → a region of 2.5 hours.
 */
import { FieldType, type DataFrame, type Field } from '@grafana/data';
import { parseTime } from './extract';
import { quote } from './readers';

export interface AnnotationModel {
  time: number;
  /** null for a point. */
  timeEnd: number | null;
  title: string | null;
  text: string | null;
  tags: string[];
  /** As written (a Grafana colour name or a CSS colour); null: Grafana's default annotation colour. */
  color: string | null;
}

export interface AnnotationRead {
  annotations: AnnotationModel[];
  messages: string[];
}

const NOT_TIME_ANNOTATIONS = new Set(['exemplar', 'xymark']);
const MAX_MESSAGES = 5;

export function readAnnotations(frames: unknown): AnnotationRead {
  const annotations: AnnotationModel[] = [];
  const messages: string[] = [];
  const list: unknown[] = Array.isArray(frames) ? frames : [];
  list.forEach((frame, index) => {
    if (!isFrame(frame) || frame.length === 0 || NOT_TIME_ANNOTATIONS.has(frame.name ?? '')) {
      return;
    }
    const label = frame.name ? `'${frame.name}'` : `${index + 1}`;
    readFrame(frame, { label, annotations, messages });
  });
  annotations.sort((a, b) => a.time - b.time);
  return { annotations, messages: capped(messages) };
}

function readFrame(frame: DataFrame, out: { label: string; annotations: AnnotationModel[]; messages: string[] }): void {
  const field = (name: string) => frame.fields.find((candidate) => candidate.name === name);
  const time = field('time') ?? frame.fields.find((candidate) => candidate.type === FieldType.time);
  if (!time) {
    out.messages.push(`annotations ${out.label} have no time field; not drawn`);
    return;
  }
  const columns = {
    timeEnd: field('timeEnd'),
    isRegion: field('isRegion'),
    title: field('title'),
    text: field('text'),
    tags: field('tags'),
    color: field('color'),
  };
  for (let row = 0; row < frame.length; row++) {
    const where = `annotation row ${row + 1} of ${out.label}`;
    const rawTime: unknown = time.values[row];
    const start = parseTime(rawTime);
    if (!Number.isFinite(start)) {
      out.messages.push(`${where}: time ${quote(rawTime ?? null)} is not a time; not drawn`);
      continue;
    }
    const end = regionEnd({ columns, row, start, where, messages: out.messages });
    out.annotations.push({
      time: start,
      timeEnd: end,
      title: text(columns.title, row),
      text: text(columns.text, row),
      tags: tags(columns.tags, row),
      color: text(columns.color, row),
    });
  }
}

function regionEnd(input: {
  columns: { timeEnd?: Field; isRegion?: Field };
  row: number;
  start: number;
  where: string;
  messages: string[];
}): number | null {
  const { columns, row, start, where, messages } = input;
  const rawEnd: unknown = columns.timeEnd?.values[row];
  const end = rawEnd === null || rawEnd === undefined ? NaN : parseTime(rawEnd);
  const declared = columns.isRegion ? columns.isRegion.values[row] === true : null;
  if (declared === false || (declared === null && !(end > start))) {
    return null;
  }
  if (!(end > start)) {
    messages.push(`${where}: a region whose timeEnd ${quote(rawEnd ?? null)} is not after its time; drawn as a point`);
    return null;
  }
  return end;
}

function text(field: Field | undefined, row: number): string | null {
  const raw: unknown = field?.values[row];
  if (typeof raw === 'number') {
    return String(raw);
  }
  return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
}

function tags(field: Field | undefined, row: number): string[] {
  const raw: unknown = field?.values[row];
  if (Array.isArray(raw)) {
    return raw.filter((tag): tag is string => typeof tag === 'string' && tag !== '');
  }
  return typeof raw === 'string' && raw !== '' ? [raw] : [];
}

function isFrame(value: unknown): value is DataFrame {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as DataFrame).fields) &&
    typeof (value as DataFrame).length === 'number'
  );
}

function capped(messages: string[]): string[] {
  if (messages.length <= MAX_MESSAGES) {
    return messages;
  }
  const more = messages.length - MAX_MESSAGES;
  return [...messages.slice(0, MAX_MESSAGES), `… and ${more} more annotation ${more === 1 ? 'problem' : 'problems'}`];
}
