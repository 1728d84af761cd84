/** Test ids shared by unit tests, browser tests and the render report (which reads them off the page). */
export const testIds = {
  panel: 'okr-panel',
  chart: 'okr-chart',
  keyResultSummary: 'okr-kr-summary',
  message: 'okr-message',
  objectivesEditor: 'okr-objectives-editor',
  objectivesEditorError: 'okr-objectives-editor-error',
  trackSeries: 'okr-track-series',
} as const;
