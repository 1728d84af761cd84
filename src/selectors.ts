/** Test ids shared by unit tests, browser tests and the render report (which reads them off the page). */
export const testIds = {
  panel: 'okr-panel',
  chart: 'okr-chart',
  /** One key result's chart in the per-key-result stack. */
  keyResultChart: 'okr-kr-chart',
  /** The list of charted key results: the shared chart's legend, or the stack of charts. */
  keyResultLegend: 'okr-kr-legend',
  /** One key result in that list (data-kr-id names it). */
  keyResultEntry: 'okr-kr-entry',
  keyResultSummary: 'okr-kr-summary',
  message: 'okr-message',
  objectivesEditor: 'okr-objectives-editor',
  objectivesEditorError: 'okr-objectives-editor-error',
  trackSeries: 'okr-track-series',
} as const;
