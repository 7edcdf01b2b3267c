/**
 * One colour per task definition revision, shared by the cluster view and the chart so a revision looks the
 * same everywhere. Okabe-Ito colours: told apart by colour-blind readers, and readable with dark text.
 */
const PALETTE = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#0072B2', '#D55E00'];

export function revisionColour(revision: number): string {
  return PALETTE[(Math.max(1, revision) - 1) % PALETTE.length];
}

/** "web:2" -> 2, for the chart's keys. */
export function revisionOf(taskDefinition: string): number {
  return Number(taskDefinition.slice(taskDefinition.lastIndexOf(':') + 1)) || 1;
}
