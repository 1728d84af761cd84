/** The wall clock the panel evaluates against; one seam, so "now" is read once per data change. */
export const wallClock = {
  now: (): number => Date.now(),
};
