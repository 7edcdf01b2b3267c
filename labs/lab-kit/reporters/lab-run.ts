import type { CheckReport } from '../check-types.js';

/** One lab checked on one learner's files: what the reporters turn into JUnit XML or JSON. */
export interface LabRun {
  id: string;
  title: string;
  /** Where the learner's files were read, as the user named it. */
  folder: string;
  report: CheckReport;
  /** Wall-clock seconds the checks took. */
  seconds: number;
}
