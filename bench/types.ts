/** One measured row of a benchmark suite. */
export interface BenchRow {
  /** What was measured, e.g. "sign GET (3 query params, 2 headers)". */
  name: string;
  opsPerSec: number;
  /** What the row is compared with, measured in the same run. */
  baseline?: string;
  baselineOpsPerSec?: number;
  /** Minimum acceptable opsPerSec / baselineOpsPerSec. */
  target?: number;
  /** Figures that are not a rate (latency percentiles, counts), printed as they are. */
  notes?: string;
}

/** What every bench/suites/*.ts module exports. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}
