/*
 * The page's clock for reproducible renders: Date.now() and new Date() report another time. Grafana's time
 * picker, the panel's "as of" and the demo stream all read it.
 */

/** A fixture's "now": the clock stands still, so renders are deterministic. */
export function freezeClock(now: number) {
  replaceClock(() => now);
}

/** The demo's `?now=`: the clock starts at `now` and runs, so the stream still gets a point a second. */
export function shiftClock(now: number) {
  const offset = now - Date.now();
  const realNow = Date.now;
  replaceClock(() => realNow() + offset);
}

function replaceClock(now: () => number) {
  const RealDate = Date;
  class ReplacedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(now());
      } else {
        super(...(args as [string]));
      }
    }
    static now() {
      return now();
    }
  }
  window.Date = ReplacedDate as DateConstructor;
}
