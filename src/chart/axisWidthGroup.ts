import type uPlot from 'uplot';

type AxisSize = (self: uPlot, values: string[], axisIdx: number, cycleNum: number) => number;

/** The first value axis: uPlot's axes are the x axis, then the y axes in the order they were added. */
const VALUE_AXIS = 1;

/**
 * Plots stacked on one time axis line up only if their left value axes are equally wide ("$1.80M" is
 * wider than "4%"). Each plot in the group still measures its own labels (Grafana's axis size), and takes
 * the widest any plot in the group needs; when one's need changes, the others lay their axes out again.
 * Example: needs of 38, 52 and 30 px → all three axes are 52 px wide, and the plot areas start together.
 */
export class AxisWidthGroup {
  private readonly needs = new Map<uPlot, number>();
  private relayoutQueued = false;

  /** uPlot's init hook: wraps the plot's value axis size; the plot leaves the group when destroyed. */
  readonly join = (u: uPlot) => {
    const axis = u.axes[VALUE_AXIS];
    if (!axis || typeof axis.size !== 'function') {
      return;
    }
    const own = axis.size as AxisSize;
    axis.size = (self, values, axisIdx, cycleNum) => {
      const need = own(self, values, axisIdx, cycleNum);
      if (this.needs.get(u) !== need) {
        this.needs.set(u, need);
        this.relayout();
      }
      return this.widest();
    };
    u.hooks.destroy = [...(u.hooks.destroy ?? []), () => this.leave(u)];
  };

  private widest(): number {
    return Math.max(0, ...this.needs.values());
  }

  private leave(u: uPlot) {
    this.needs.delete(u);
    this.relayout();
  }

  /**
   * After the current layout, once however many needs changed: every plot lays out its axes again (no new
   * paths). Needs depend only on each plot's own labels, so the second pass changes none and it ends there.
   */
  private relayout() {
    if (this.relayoutQueued) {
      return;
    }
    this.relayoutQueued = true;
    queueMicrotask(() => {
      this.relayoutQueued = false;
      for (const plot of this.needs.keys()) {
        plot.redraw(false, true);
      }
    });
  }
}
