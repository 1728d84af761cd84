import { AnnotationModel } from '../okr';
import { ChartSeries, CheckInMarker } from './chartModel';

/** At most this many check-ins in one tooltip, nearest first. */
const MAX_CHECK_INS = 3;

export interface EventsAt {
  checkIns: CheckInMarker[];
  annotations: AnnotationModel[];
}

/**
 * What the tooltip lists under the cursor besides the series' values: the check-ins and the annotations
 * there. A check-in or a point annotation is there when within `toleranceMs` of the hovered time (about
 * its marker's width); a region when the time lies inside it, widened by the same tolerance.
 * Example: a check-in at 12:00 and a deploy at 12:20, tolerance 30 min, cursor at 12:10 → both;
 * an incident region 13:00–15:00 is listed from 12:30 to 15:30.
 */
export function eventsAt(input: {
  series: readonly ChartSeries[];
  annotations: readonly AnnotationModel[];
  time: number;
  toleranceMs: number;
}): EventsAt {
  const { series, annotations, time, toleranceMs } = input;
  if (!Number.isFinite(time) || !(toleranceMs >= 0)) {
    return { checkIns: [], annotations: [] };
  }
  const near = (at: number) => Math.abs(at - time) <= toleranceMs;
  const checkIns = series
    .flatMap((entry) => entry.checkIns)
    .filter((marker) => near(marker.time))
    .sort((a, b) => Math.abs(a.time - time) - Math.abs(b.time - time))
    .slice(0, MAX_CHECK_INS);
  const under = annotations.filter((annotation) =>
    annotation.timeEnd === null
      ? near(annotation.time)
      : time >= annotation.time - toleranceMs && time <= annotation.timeEnd + toleranceMs
  );
  return { checkIns, annotations: under };
}
