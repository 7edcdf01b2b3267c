/**
 * Where each bench case lives, by id, in the order the table shows them. The parent process reads only this
 * list, never the case modules: a case's imports (the SDK, Playwright, the engine) load in that case's own
 * process, so its peak memory and wall time are its own.
 */
export interface CaseModule {
  id: string;
  /** Relative to this file, with the `.js` extension the ESM imports use. */
  module: string;
  /** The module's export that is the BenchCase. */
  exportName: string;
}

export const CASE_MODULES: readonly CaseModule[] = [
  { id: 'a', module: './cases/scenario-suite.js', exportName: 'scenarioSuite' },
  { id: 'b', module: './cases/spot-day.js', exportName: 'spotDay' },
  { id: 'c', module: './cases/rolling-update.js', exportName: 'rollingUpdateCase' },
  { id: 'c2', module: './cases/rolling-update.js', exportName: 'rollingUpdateGrowth' },
  { id: 'd', module: './cases/placement-rate.js', exportName: 'placementRate' },
  { id: 'e', module: './cases/endpoint-throughput.js', exportName: 'endpointThroughput' },
  { id: 'site', module: './cases/site-figures.js', exportName: 'siteFigures' },
  { id: 'lab', module: './cases/lab-first-check.js', exportName: 'labFirstCheck' },
  { id: 'cli', module: './cases/cli-start.js', exportName: 'cliStart' },
];
