import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { formatReport, type Paint } from '../../../labs/lab-kit/format-report.js';
import { partScores } from '../../../labs/lab-kit/lab-parts.js';
import { runLab } from '../../../labs/lab-kit/node/check-lab-folder.js';
import { labFoldersIn, studentFolderWarnings, studentLabFolder } from '../../../labs/lab-kit/node/class-folders.js';
import { labIds, readManifest, workFolder, writeProgress } from '../../../labs/lab-kit/node/lab-folders.js';
import { jsonReport } from '../../../labs/lab-kit/reporters/json-report.js';
import { junitReport } from '../../../labs/lab-kit/reporters/junit-report.js';
import { anyFailed, labOutcome, type LabRun } from '../../../labs/lab-kit/reporters/lab-run.js';
import type { LabManifest } from '../../../labs/lab-kit/lab-manifest.js';
import { labCheckThread } from './lab-check-thread.js';
import { manifestOf, say, shown, shownFolder, warn, type REPORTERS } from './lab-cli-kit.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  all?: boolean;
  dir?: string;
  reporter: (typeof REPORTERS)[number];
  /** CPU milliseconds the checks of one lab may use. */
  budgetMs?: number;
  /** Of a lab graded in parts: the exit code says whether this part passed (a GitHub Classroom test per part). */
  part?: string;
}

/**
 * `ecs-lab lab check`: one lab, or every lab (--all), on the learner's work folders or on a folder given with
 * --dir (with --all, a student's folder holding one folder per lab). Exit code 1 when a check of a submitted
 * lab failed; a lab not submitted, or a check not run, fails nothing.
 */
export async function check(labsRoot: string, id: string | undefined, options: CheckOptions, colours: ChalkInstance): Promise<void> {
  if (options.all && id !== undefined) throw new UsageError('give a lab id or --all, not both.');
  if (!options.all && id === undefined) throw new UsageError('give a lab id (see `npx ecs-lab lab list`) or --all.');
  if (options.dir !== undefined && (!existsSync(options.dir) || !statSync(options.dir).isDirectory())) {
    throw new UsageError(`--dir ${options.dir}: there is no such folder.`);
  }
  const ids = options.all ? labIds(labsRoot) : [manifestOf(labsRoot, id!).id];
  if (options.part !== undefined) checkPartOption(readManifest(labsRoot, ids[0]), options);
  lookForMisplacedFolders(labsRoot, ids, options, colours);
  const student = options.all && options.dir !== undefined ? basename(resolve(options.dir)) : undefined;
  const pretty = options.reporter === 'pretty';
  const thread = labCheckThread(labsRoot);
  const runs: LabRun[] = [];
  try {
    for (const labId of ids) {
      const folder = learnerFolder(labsRoot, labId, options, pretty);
      const run = await runLab(thread, labsRoot, labId, folder, { shownFolder: shownFolder(folder), student, budgetMs: options.budgetMs });
      // The learner's own work folder remembers how the last check went, for `lab list`.
      if (options.dir === undefined && run.submitted && folder === workFolder(labsRoot, labId)) {
        writeProgress(folder, { lastCheck: { passed: run.report.results.filter((r) => r.status === 'passed').length, total: run.report.results.length } });
      }
      runs.push(run);
    }
  } finally {
    thread.close();
  }

  if (options.reporter === 'junit') say(junitReport(runs).trimEnd());
  else if (options.reporter === 'json') say(JSON.stringify(jsonReport(runs), null, 2));
  else printPretty(runs, options, colours);
  const judged = options.part === undefined ? !anyFailed(runs) : partScores(runs[0], runs[0].report).find((p) => p.id === options.part)!.passed;
  process.exitCode = judged ? 0 : 1;
}

/** --part names a part of the one lab checked. */
function checkPartOption(manifest: LabManifest, options: CheckOptions): void {
  if (options.all) throw new UsageError('give --part with one lab, not with --all.');
  const parts = manifest.parts?.map((part) => part.id) ?? [];
  if (parts.length === 0) throw new UsageError(`the lab ${manifest.id} is not graded in parts: leave --part out.`);
  if (!parts.includes(options.part!)) throw new UsageError(`the lab ${manifest.id} has no part "${options.part}"; its parts are: ${parts.join(', ')}.`);
}

/**
 * A folder that matches no lab reads as work never submitted: say which folder was looked for. With --all and
 * not a single lab folder, --dir is surely wrong, and nothing is checked.
 */
function lookForMisplacedFolders(labsRoot: string, ids: readonly string[], options: CheckOptions, colours: ChalkInstance): void {
  const { dir } = options;
  if (dir === undefined) return;
  if (!options.all) {
    const { id, files } = readManifest(labsRoot, ids[0]);
    if (existsSync(join(dir, id)) && !files.some((file) => existsSync(join(dir, file)))) {
      warn(`${shownFolder(dir)} has none of the lab's files (${files.join(', ')}) but a folder ${id}/: did you mean --dir ${shown(join(dir, id))}?`, colours);
    }
    return;
  }
  for (const warning of studentFolderWarnings(dir, ids, shown)) warn(warning, colours);
  if (labFoldersIn(dir, ids).length === 0) {
    throw new UsageError(`no lab folder in ${shownFolder(dir)}: a student's folder holds one folder per lab, named as the lab (${shownFolder(join(dir, ids[0]))}, ...), or is their clone of ecs-lab (labs/<lab>/work/).`);
  }
}

/** Where lab `id`'s files are read: --dir (a lab's own folder, or with --all the student's folder for the lab), else the work folder, else (one lab) the starter. */
function learnerFolder(labsRoot: string, id: string, options: CheckOptions, talk: boolean): string {
  if (options.dir !== undefined) return resolve(options.all ? studentLabFolder(options.dir, id) : options.dir);
  const folder = workFolder(labsRoot, id);
  if (existsSync(folder) || options.all) return folder;
  if (talk) {
    say(`No work folder yet for ${id} (${shownFolder(folder)}): checking the starter. \`npx ecs-lab lab start ${id}\` makes your own copy.`);
    say();
  }
  return join(labsRoot, id, 'starter');
}

function printPretty(runs: readonly LabRun[], options: CheckOptions, colours: ChalkInstance): void {
  const paint: Paint = { passed: colours.green, failed: colours.red, dim: colours.dim, bold: colours.bold };
  // A learner's own lab with no work folder is one not started yet; a student's, one not handed in.
  const missing = (run: LabRun) => (options.dir === undefined ? `not started (\`npx ecs-lab lab start ${run.id}\`)` : `not submitted (there is no folder ${run.folder})`);
  runs.forEach((run, i) => {
    if (i > 0) say();
    if (run.submitted) say(formatReport(run.title, run.report, paint, run.parts ? partScores(run, run.report) : []).join('\n'));
    else say(`${colours.bold(run.title)}: ${colours.dim(`${missing(run)}, skipped`)}`);
  });
  if (!options.all) return;
  const count = (outcome: ReturnType<typeof labOutcome>) => runs.filter((run) => labOutcome(run) === outcome).length;
  const notSubmitted = count('not submitted') > 0 ? `, ${count('not submitted')} not ${options.dir === undefined ? 'started' : 'submitted'}` : '';
  say(`\n${colours.bold(`${count('passed')} of ${runs.length} labs passed, ${count('failed')} failed${notSubmitted}.`)}`);
}
