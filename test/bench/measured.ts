import type { CaseResult } from './bench-case.js';

/** One case's row: what the case reported plus what its process measured around it. */
export interface Measured extends CaseResult {
  id: string;
  title: string;
  wallMs: number;
  /** Peak RSS of the case's own process (process.resourceUsage().maxRSS). */
  peakRssMiB: number;
  /** RSS once the case's code is loaded, before it runs (ts-node's compiler is most of it). */
  rssBeforeMiB: number;
  simulatedSecondsPerWallSecond: number | null;
}
