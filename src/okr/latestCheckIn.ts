import type { CheckIn } from './checkIns';

/**
 * What the scorecard and the wall show of a key result's check-ins at `at` (its as-of): the latest check-in
 * at or before it, the latest confidence given, and the latest note with its author. A check-in that only
 * updates the value keeps the confidence and note given before it.
 * Example: Jul 10 (confidence 0.7, note 'signed ACME', Ana), Aug 3 (value 2, Ben), as-of Aug 15 →
 * time Aug 3, count 2, confidence 0.7 (from Jul 10), note 'signed ACME' by Ana on Jul 10.
 */
export interface LatestCheckIn {
  /** The latest check-in at or before as-of. */
  time: number;
  /** Check-ins at or before as-of. */
  count: number;
  confidence: number | null;
  confidenceTime: number | null;
  note: string | null;
  /** The note's author; without a note, the latest check-in's. */
  author: string | null;
  noteTime: number | null;
}

export function latestCheckIn(checkIns: readonly CheckIn[], at: number): LatestCheckIn | null {
  let count = 0;
  while (count < checkIns.length && checkIns[count].time <= at) {
    count++;
  }
  if (count === 0) {
    return null;
  }
  const seen = checkIns.slice(0, count).reverse();
  const confident = seen.find((checkIn) => checkIn.confidence !== null);
  const noted = seen.find((checkIn) => checkIn.note !== null);
  return {
    time: seen[0].time,
    count,
    confidence: confident?.confidence ?? null,
    confidenceTime: confident?.time ?? null,
    note: noted?.note ?? null,
    author: noted ? noted.author : seen[0].author,
    noteTime: noted?.time ?? null,
  };
}
