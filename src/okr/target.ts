/**
 * Targets: a number, or relative to the key result's effective baseline.
 *
 * - `2000000` or `"2000000"`: that value.
 * - `"+15%"`, `"-10%"`: baseline × (1 ± p/100). "Increase web traffic by 15%" from a baseline of
 *   40 000 visits is 46 000; "Reduce CAC by 10%" from $200 is $180.
 * - `"+50"`, `"-20"`: baseline ± n. "Add 50 customers" from 1 200 is 1 250. A leading sign in TEXT
 *   always means relative; a JSON number -20 is the value -20.
 *
 * The effective target is what the model, the summary's data-target and every view show. A relative
 * target with no baseline (none configured and no data yet) has no value, and says so. The percentage is
 * of the signed baseline: "+15%" of −100 is −115. A stayWithin band's targetMax follows the same rules:
 * target "-5%", targetMax "+5%" is the baseline ± 5%.
 */
import { isDecimalText, quote, readNumber } from './readers';

export type TargetSpec =
  | { kind: 'absolute'; value: number }
  | { kind: 'percent'; amount: number; text: string }
  | { kind: 'offset'; amount: number; text: string };

export type TargetRead = { ok: true; spec: TargetSpec } | { ok: false; message: string };

const PERCENT = /^([+-])\s*(\d+\.?\d*|\.\d+)\s*%$/;

/** `what` names the option in messages: 'target', or 'targetMax' for a stayWithin band's upper bound. */
export function readTarget(value: unknown, what = 'target'): TargetRead {
  if (typeof value === 'string') {
    const text = value.trim();
    const percent = PERCENT.exec(text);
    if (percent) {
      const amount = Number(percent[2]) * (percent[1] === '-' ? -1 : 1);
      return { ok: true, spec: { kind: 'percent', amount, text } };
    }
    if ((text.startsWith('+') || text.startsWith('-')) && isDecimalText(text)) {
      return { ok: true, spec: { kind: 'offset', amount: Number(text), text } };
    }
  }
  const read = readNumber(value, what);
  if (read.ok) {
    return { ok: true, spec: { kind: 'absolute', value: read.value } };
  }
  const hint = typeof value === 'string' ? ': write a number, +15% / -10% of the baseline, or +50 / -20 from it' : '';
  return {
    ok: false,
    message: value === undefined || value === null ? read.message : `${what} ${quote(value)} is not a number${hint}`,
  };
}

/** The target's value given the effective baseline; null when it is relative and there is no baseline. */
export function effectiveTarget(spec: TargetSpec, baseline: number | null): number | null {
  if (spec.kind === 'absolute') {
    return spec.value;
  }
  if (baseline === null) {
    return null;
  }
  // baseline + baseline × p / 100 rather than baseline × 1.15: 40 000 × 15 / 100 is exactly 6 000.
  return spec.kind === 'percent' ? baseline + (baseline * spec.amount) / 100 : baseline + spec.amount;
}

/** Why a relative target has no value yet. */
export function noBaselineMessage(spec: TargetSpec, what = 'target'): string {
  const text = spec.kind === 'absolute' ? String(spec.value) : spec.text;
  return `${what} '${text}' is relative to the baseline, and there is none yet: no baseline is configured and the period has no data`;
}
