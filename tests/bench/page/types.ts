/** The peers' page's request and result (tests/bench/page/peer.tsx), shared with its driver (tests/bench/peer.ts). */
export const SUBJECTS = ['ours', 'flap', 'calm', 'bare', 'timeseries'] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export interface PeerRequest {
  points: number;
  width: number;
  height: number;
  repeats: number;
  subjects: SubjectName[];
  /** flap / calm: how many times the KPI crosses 140 and back over the frame (one breach each for flap). */
  cycles: number;
}

export interface PeerSamples {
  first: number[];
  redraw: number[];
  resize: number[];
  lateDraws: number;
}

export interface PeerResult {
  samples: Partial<Record<SubjectName, PeerSamples>>;
  /** Our panel's uPlot size, which bare uPlot gets. */
  plot: { width: number; height: number };
  /** data-* of our panels' key-result summaries after each warm-up: proof the overlays had work to do. */
  keyResults: Partial<Record<SubjectName, Array<Record<string, string | undefined>>>>;
}

/** The streaming dashboard (tests/bench/page/dashboard.tsx): `panels` of one kind in `columns` columns. */
export interface DashboardRequest {
  subject: 'ours' | 'timeseries';
  panels: number;
  columns: number;
  points: number;
  width: number;
  height: number;
}
