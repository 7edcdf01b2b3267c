/** How many requests per second a load generator sends at a moment. Pure. */
export type TrafficPattern =
  | { type: 'constant' }
  | { type: 'ramp'; toRequestsPerSecond: number; overSeconds: number }
  | { type: 'spike'; toRequestsPerSecond: number; atSecond: number; forSeconds: number }
  | { type: 'daily'; peakRequestsPerSecond: number };

export function requestsPerSecondAt(base: number, pattern: TrafficPattern, secondsSinceStart: number): number {
  switch (pattern.type) {
    case 'constant':
      return base;
    case 'ramp':
      return base + (pattern.toRequestsPerSecond - base) * Math.min(1, secondsSinceStart / Math.max(1, pattern.overSeconds));
    case 'spike':
      return secondsSinceStart >= pattern.atSecond && secondsSinceStart < pattern.atSecond + pattern.forSeconds ? pattern.toRequestsPerSecond : base;
    case 'daily': {
      // A smooth day: lowest at 04:00, highest at 16:00 of the virtual day.
      const hour = (secondsSinceStart / 3600) % 24;
      const phase = Math.cos(((hour - 16) / 24) * 2 * Math.PI);
      return base + (pattern.peakRequestsPerSecond - base) * (phase + 1) / 2;
    }
  }
}
