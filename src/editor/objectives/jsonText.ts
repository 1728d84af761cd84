/** Objectives as JSON text, for "Edit as JSON": formatting, and parsing with the line an error is on. */
export function formatObjectives(value: unknown): string {
  return JSON.stringify(value ?? [], null, 2);
}

export type ParsedObjectives =
  { objectives: unknown[]; error: null; line: null } | { objectives: null; error: string; line: number | null };

export function parseObjectives(text: string): ParsedObjectives {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { objectives: null, error: `Not valid JSON: ${message}`, line: errorLine(text, message) };
  }
  if (!Array.isArray(parsed)) {
    const error = 'Expected a JSON list of objectives: [ { "title": …, "keyResults": [ … ] } ]';
    return { objectives: null, error, line: 1 };
  }
  return { objectives: parsed, error: null, line: null };
}

/** Engines name a position ("at position 12") or a line; an unexpected end is on the last line. */
function errorLine(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) {
    return Number(line[1]);
  }
  const position = /position (\d+)/.exec(message);
  if (position) {
    return text.slice(0, Number(position[1])).split('\n').length;
  }
  return /end of (JSON|data) input/i.test(message) ? text.split('\n').length : null;
}
