/** The scorecard views' public surface: the panel imports these and nothing behind them. */
export { Scorecard, type ScorecardProps } from './Scorecard';
export { WallView, type WallViewProps } from './WallView';
