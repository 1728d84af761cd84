/**
 * What an analyst types in a number box → what is saved. Plain numbers are saved as numbers; the forms
 * the core reads as text (relative targets, dashboard variables) are saved as text; anything else is
 * saved exactly as typed, with a message, so the key result is marked rather than silently changed.
 *
 * | typed      | unit          | saved            |
 * |------------|---------------|------------------|
 * | "2.2M"     | any           | 2200000          |
 * | "85%"      | percent       | 85   (0–100)     |
 * | "85%"      | percentunit   | 0.85 (0–1)       |
 * | "1,234.5"  | any           | 1234.5           |
 * | "1,5"      | any           | "1,5" + message (a decimal comma or a thousands comma?) |
 * | "+15%"     | relative: yes | "+15%"           |
 * | "-20"      | relative: yes | "-20" (20 below the baseline, see src/okr/target.ts) |
 * | "$goal"    | any           | "$goal"          |
 */

export type NumberInput =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; value: string; message?: string };

export interface NumberInputOptions {
  /** The field's Grafana unit id, e.g. 'percent' or 'percentunit'. */
  unit?: string;
  /** Targets: a signed value is relative to the baseline ("+15%", "-20"). */
  relative?: boolean;
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const RELATIVE = /^[+-](\d+\.?\d*|\.\d+)%?$/;
const VARIABLE = /^\$(\w+|\{[^}]+\})$/;
const SUFFIXED = /^(-?(?:\d+\.?\d*|\.\d+))([kmbt])$/i;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^(-?(?:\d+\.?\d*|\.\d+))\s*%$/;
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

export function parseNumberInput(typed: string, options: NumberInputOptions = {}): NumberInput {
  const text = typed.trim();
  if (text === '') {
    return { kind: 'empty' };
  }
  if (VARIABLE.test(text) || (options.relative && RELATIVE.test(text))) {
    return { kind: 'text', value: text };
  }
  const value = readPlain(text, options.unit);
  if (value !== null && Number.isFinite(value)) {
    return { kind: 'number', value };
  }
  return { kind: 'text', value: typed, message: whyNotANumber(text, options) };
}

function readPlain(text: string, unit: string | undefined): number | null {
  if (DECIMAL.test(text)) {
    return Number(text);
  }
  if (THOUSANDS.test(text)) {
    return Number(text.replace(/,/g, ''));
  }
  const suffixed = SUFFIXED.exec(text);
  if (suffixed) {
    // toPrecision keeps 2.2 × 1e6 at 2200000 rather than 2200000.0000000005.
    return Number((Number(suffixed[1]) * MULTIPLIERS[suffixed[2].toLowerCase()]).toPrecision(15));
  }
  const percent = PERCENT.exec(text);
  if (percent && unit === 'percent') {
    return Number(percent[1]);
  }
  if (percent && unit === 'percentunit') {
    return Number((Number(percent[1]) / 100).toPrecision(15));
  }
  return null;
}

function whyNotANumber(text: string, options: NumberInputOptions): string {
  if (PERCENT.test(text)) {
    const relative = options.relative ? `; for ${text} above the baseline write +${text}` : '';
    return `'${text}' is a percentage but the series' unit is not percent${relative}`;
  }
  if (text.includes(',')) {
    return `'${text}' is ambiguous: write 1234.5 or 1,234.5`;
  }
  const examples = `1200, 2.2M, 1,234.5${options.relative ? ', +15%, -20' : ''}, $variable`;
  return `'${text}' is not a number (examples: ${examples})`;
}

/** The saved value as the box shows it: numbers as JavaScript prints them, text as saved. */
export function formatNumberInput(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
}
