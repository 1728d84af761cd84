/** The OKR core's public surface: views import from here, never from the modules behind it. */
export { evaluate, seriesFrames, type EvaluateInput } from './evaluate';
export { interpolateOptions } from './interpolateOptions';
export { type Interpolate } from './each';
export { kpiFrames, okrQueryRefId, readOkrQuery } from './okrQuery';
export type {
  AnnotationModel,
  Breach,
  BreachSeverity,
  BreachSource,
  CheckIn,
  ForecastModel,
  KeyResultKind,
  KeyResultModel,
  KrStatus,
  LatestCheckIn,
  ObjectiveModel,
  PanelModel,
  PeriodModel,
  TargetStep,
  TimeValue,
} from './model';
export { isStayKind, STATUS_WORST_FIRST } from './progress';
export { valueOnPace } from './pace';
export { targetAt } from './targetSteps';
export { heldValueAt } from './manual';
export { lowerBound, upperBound } from './reduce';
export type { NumberColumn } from './extract';
export { buildCatalog, matchAllSeries, matchSeries, type SeriesCandidate, type SeriesCatalog } from './series';
export { normalizeTimeZone, resolvePeriod, type PeriodContext, type PeriodResult } from './period';
export { readKeyResult, type KeyResultDef } from './keyResultDef';
export { isRecord, listNames } from './readers';
export { firstStepAboveBase, isDefaultThresholds } from './thresholds';
