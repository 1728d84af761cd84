/**
 * Readers for untrusted option values: each returns a value or a message naming the field and what it
 * holds, and never throws.
 *
 * Numbers are JSON numbers or decimal text: 2000000, "2000000", " 1.5 ", "-3e2". Hex ("0x10"), binary,
 * "Infinity", "2M", "" and booleans are not numbers here (JavaScript's Number() would read "0x10" as 16).
 */
export type NumberRead = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_QUOTED = 60;

/** Finite numbers and decimal strings; `what` names the option in the message. */
export function readNumber(value: unknown, what: string): NumberRead {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ok: true, value };
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim()) && Number.isFinite(Number(value))) {
    return { ok: true, value: Number(value) };
  }
  if (value === undefined || value === null) {
    return { ok: false, message: `${what} is missing` };
  }
  return { ok: false, message: `${what} ${quote(value)} is not a number` };
}

export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** A value as the analyst wrote it, for messages: strings in quotes, long text cut at 60 characters. */
export function quote(value: unknown): string {
  // JSON would write NaN and ±Infinity as null.
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : (JSON.stringify(value) ?? String(value));
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return typeof value === 'string' ? `'${shown}'` : shown;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Whether an optional value was left out: undefined, null and '' all mean "automatic". */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

const MAX_LISTED_NAMES = 10;

/** "a, b, c", at most 10 names and then "… (+n more)": messages stay short on a panel with 500 series. */
export function listNames(names: readonly string[], limit = MAX_LISTED_NAMES): string {
  const listed = names.slice(0, limit);
  const more = names.length - listed.length;
  return more > 0 ? `${listed.join(', ')} … (+${more} more)` : listed.join(', ');
}
