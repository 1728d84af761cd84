import type uPlot from 'uplot';

import { DataHoverClearEvent, DataHoverEvent, EventBus } from '@grafana/data';

/**
 * The shared crosshair, as Grafana panels share it: our cursor's time goes out on the dashboard's event
 * bus as a DataHoverEvent (point.time), and other panels' DataHoverEvents move our cursor.
 * Returns the unsubscribe function.
 */
export function syncCrosshair(u: uPlot, eventBus: EventBus): () => void {
  let applyingRemote = false;

  u.over.addEventListener('mouseleave', () => eventBus.publish(new DataHoverClearEvent()));
  const publishLocal = () => {
    const index = u.cursor.idx;
    if (applyingRemote || index === null || index === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
      return;
    }
    const time = u.posToVal(u.cursor.left, 'x');
    eventBus.publish(new DataHoverEvent({ point: { time } }));
  };
  u.hooks.setCursor = [...(u.hooks.setCursor ?? []), publishLocal];

  const subscriptions = [
    eventBus.subscribe(DataHoverEvent, (event) => {
      const time = event.payload.point.time;
      if (event.origin === eventBus || time === null || time === undefined || u.over.matches(':hover')) {
        return;
      }
      applyingRemote = true;
      u.setCursor({ left: u.valToPos(time, 'x'), top: u.over.clientHeight / 2 });
      applyingRemote = false;
    }),
    eventBus.subscribe(DataHoverClearEvent, () => {
      if (!u.over.matches(':hover')) {
        applyingRemote = true;
        u.setCursor({ left: -10, top: -10 });
        applyingRemote = false;
      }
    }),
  ];
  return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
}
