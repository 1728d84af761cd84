/**
 * Status tolerances as an analyst types them (percentage points) ↔ as they are saved (fractions of
 * progress, what src/okr/pace.ts compares the gap with). 5 pp behind pace is saved as 0.05; the saved
 * shape is unchanged, so no migration.
 *
 * | at risk | off track | saved                             |
 * |---------|-----------|-----------------------------------|
 * | "5"     | "15"      | { atRisk: 0.05, offTrack: 0.15 }  |
 * | "2.5pp" | "10"      | { atRisk: 0.025, offTrack: 0.1 }  |
 * | "20"    | "10"      | nothing: at risk comes after off track |
 * | "-1"    | "10"      | nothing: a gap is 0 pp or more     |
 * | "5%"    | "10"      | nothing: not a number of points    |
 */

export type ToleranceKey = 'atRisk' | 'offTrack';
export type ToleranceTexts = Record<ToleranceKey, string>;
export type ToleranceMessages = Partial<Record<ToleranceKey | 'order', string>>;

export type ToleranceReading =
  { ok: true; value: Record<ToleranceKey, number> } | { ok: false; messages: ToleranceMessages };

const POINTS = /^(\d+\.?\d*|\.\d+)\s*(pp)?$/i;

/** 0.05 → "5"; toPrecision hides 0.07 × 100 = 7.000000000000001. A value that is not a number is shown as saved. */
export function formatPoints(fraction: unknown): string {
  if (typeof fraction === 'number' && Number.isFinite(fraction)) {
    return String(Number((fraction * 100).toPrecision(12)));
  }
  return fraction === undefined || fraction === null ? '' : String(fraction);
}

/** Both boxes are read together: a pair is saved only when each is a number and they are in order. */
export function readTolerances(texts: ToleranceTexts): ToleranceReading {
  const atRisk = readPoints(texts.atRisk);
  const offTrack = readPoints(texts.offTrack);
  if (typeof atRisk === 'string' || typeof offTrack === 'string') {
    return {
      ok: false,
      messages: {
        ...(typeof atRisk === 'string' ? { atRisk } : {}),
        ...(typeof offTrack === 'string' ? { offTrack } : {}),
      },
    };
  }
  if (atRisk > offTrack) {
    return {
      ok: false,
      messages: { order: `At risk (${atRisk} pp) must not be more than off track (${offTrack} pp)` },
    };
  }
  // Division by 100 is correctly rounded, so 5 / 100 is exactly the literal 0.05 saved before.
  return { ok: true, value: { atRisk: atRisk / 100, offTrack: offTrack / 100 } };
}

/** A number of points, or the message saying why the text is not one. */
function readPoints(typed: string): number | string {
  const text = typed.trim();
  if (text === '') {
    return 'Enter the gap in percentage points, such as 5';
  }
  const match = POINTS.exec(text);
  if (match) {
    return Number(match[1]);
  }
  if (/^-\s*(\d+\.?\d*|\.\d+)/.test(text)) {
    return `'${text}' is below 0: the gap behind pace is 0 pp or more`;
  }
  return `'${text}' is not a number of percentage points, such as 5`;
}
