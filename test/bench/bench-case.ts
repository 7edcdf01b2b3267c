/** What one benchmark case reports; run-bench.ts adds wall time and peak memory around it. */
export interface CaseResult {
  /** Virtual seconds the case simulated. */
  simulatedSeconds: number;
  /** Case-specific figures (tasks placed, cost per task...), printed and stored as they are. */
  figures: Record<string, number | string | null>;
}

export interface BenchCase {
  id: string;
  title: string;
  /** `progress` shows a short line while the case runs. A case that drives a browser or a server is async. */
  run(progress: (line: string) => void): CaseResult | Promise<CaseResult>;
}

/** Wall milliseconds of `work`: the bench measures time itself; the engine never reads the clock. */
export function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}
