import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import chalk, { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { describeError } from '../../../labs/lab-kit/describe-error.js';
import { formatReport, type Paint } from '../../../labs/lab-kit/format-report.js';
import type { LabManifest } from '../../../labs/lab-kit/lab-manifest.js';
import { CheckThread } from '../../../labs/lab-kit/node/check-in-worker.js';
import { checkLabFolder } from '../../../labs/lab-kit/node/check-lab-folder.js';
import { jsonReport } from '../../../labs/lab-kit/reporters/json-report.js';
import { junitReport } from '../../../labs/lab-kit/reporters/junit-report.js';
import type { LabRun } from '../../../labs/lab-kit/reporters/lab-run.js';
import {
  copyStarter,
  LABS_ROOT,
  labIds,
  readHintsShown,
  readManifest,
  workFolder,
  writeHintsShown,
} from '../../../labs/lab-kit/node/lab-folders.js';

/** A mistake in how the command was called (unknown lab, missing folder): exit code 2, as for commander's own. */
class UsageError extends Error {}

const shown = (path: string) => relative(process.cwd(), path) || '.';
const shownFolder = (path: string) => `${shown(path)}/`;
const say = (line = '') => process.stdout.write(`${line}\n`);

/**
 * `ecs-lab lab list|start|check|hint|reset`: the labs, on the learner's own machine. `--labs-dir` points at
 * another copy of the labs (an instructor's own, or a scratch copy in tests).
 */
export function registerLabCommand(program: Command): void {
  const lab = program
    .command('lab')
    .description('graded labs: edit ECS requests (JSON) or TypeScript, then check them against the simulator')
    .option('--labs-dir <folder>', "the folder holding the labs (default: this repository's labs/)");
  const root = () => resolve((lab.opts() as { labsDir?: string }).labsDir ?? fileURLToPath(LABS_ROOT));
  lab
    .command('list')
    .description('list the labs')
    .action(() => run(() => list(root())));
  lab
    .command('start')
    .description(`copy a lab's starter files into labs/<id>/work/, where you edit them`)
    .argument('<id>', 'the lab (see `ecs-lab lab list`)')
    .action((id: string) => run(() => start(root(), id)));
  lab
    .command('check')
    .description('run a lab\'s checks on your files: exit code 0 when all pass, 1 when one fails')
    .argument('[id]', 'the lab (see `ecs-lab lab list`)')
    .option('--all', 'check every lab (with --dir: a student\'s folder holding one sub-folder per lab)')
    .option('--dir <folder>', 'the folder holding your files (default: labs/<id>/work/)')
    .addOption(new Option('--reporter <format>', 'pretty for people, junit or json for CI and scripts').choices(REPORTERS).default('pretty'))
    .option('--no-color', 'plain text output')
    .action((id: string | undefined, options: CheckOptions) => run(() => check(root(), id, options)));
  lab
    .command('hint')
    .description('show the next hint (the work folder remembers which you have seen)')
    .argument('<id>', 'the lab (see `ecs-lab lab list`)')
    .action((id: string) => run(() => hint(root(), id)));
  lab
    .command('reset')
    .description('put the starter files back into labs/<id>/work/')
    .argument('<id>', 'the lab (see `ecs-lab lab list`)')
    .action((id: string) => run(() => reset(root(), id)));
}

/** Every subcommand's errors end up on stderr with an exit code, never as a stack trace. */
async function run(action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    process.stderr.write(chalk.red(`ecs-lab: ${describeError(error)}\n`));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

function manifestOf(labsRoot: string, id: string): LabManifest {
  const ids = labIds(labsRoot);
  if (!ids.includes(id)) throw new UsageError(`there is no lab "${id}"; the labs are: ${ids.join(', ')}.`);
  return readManifest(labsRoot, id);
}

function list(labsRoot: string): void {
  const ids = labIds(labsRoot);
  const width = Math.max(...ids.map((id) => id.length));
  for (const id of ids) {
    const { title, concepts } = readManifest(labsRoot, id);
    const started = existsSync(workFolder(labsRoot, id)) ? chalk.green('  started') : '';
    say(`${chalk.bold(id.padEnd(width))}  ${title} ${chalk.dim(`(${concepts.join(', ')})`)}${started}`);
  }
}

function start(labsRoot: string, id: string): void {
  const manifest = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  if (existsSync(folder)) {
    say(`${shownFolder(folder)} already exists: your work is kept. \`ecs-lab lab reset ${id}\` brings the starter back.`);
    return;
  }
  copyStarter(labsRoot, manifest, folder);
  say(chalk.bold(manifest.title));
  say(manifest.summary);
  say();
  say(`Edit ${manifest.files.map((f) => shown(join(folder, f))).join(', ')}, then run \`ecs-lab lab check ${id}\`.`);
  say(chalk.dim(`Instructions: ${shown(join(labsRoot, id, 'README.md'))}`));
}

const REPORTERS = ['pretty', 'junit', 'json'] as const;

interface CheckOptions {
  all?: boolean;
  dir?: string;
  reporter: (typeof REPORTERS)[number];
  color: boolean;
}

async function check(labsRoot: string, id: string | undefined, options: CheckOptions): Promise<void> {
  if (options.all && id !== undefined) throw new UsageError('give a lab id or --all, not both.');
  if (!options.all && id === undefined) throw new UsageError('give a lab id (see `ecs-lab lab list`) or --all.');
  if (options.dir !== undefined && (!existsSync(options.dir) || !statSync(options.dir).isDirectory())) {
    throw new UsageError(`--dir ${options.dir}: there is no such folder.`);
  }
  const ids = options.all ? labIds(labsRoot) : [manifestOf(labsRoot, id!).id];
  const pretty = options.reporter === 'pretty';
  const folders = ids.map((labId) => learnerFolder(labsRoot, labId, options, pretty));
  const thread = new CheckThread(labsRoot);
  const runs: LabRun[] = [];
  try {
    for (const [i, labId] of ids.entries()) runs.push(await checkOne(thread, labsRoot, labId, folders[i]));
  } finally {
    thread.close();
  }

  if (options.reporter === 'junit') say(junitReport(runs).trimEnd());
  else if (options.reporter === 'json') say(JSON.stringify(jsonReport(runs), null, 2));
  else {
    const colours = options.color ? chalk : new Chalk({ level: 0 });
    const paint: Paint = { passed: colours.green, failed: colours.red, dim: colours.dim, bold: colours.bold };
    runs.forEach((labRun, i) => {
      if (i > 0) say();
      say(formatReport(labRun.title, labRun.report, paint).join('\n'));
    });
    if (options.all) say(`\n${colours.bold(`${runs.filter((r) => r.report.passed).length} of ${runs.length} labs passed.`)}`);
  }
  process.exitCode = runs.every((r) => r.report.passed) ? 0 : 1;
}

/** Where lab `id`'s files are read: --dir (a lab's own folder, or with --all the lab's sub-folder), else the work folder, else the starter. */
function learnerFolder(labsRoot: string, id: string, options: CheckOptions, talk: boolean): string {
  if (options.dir !== undefined) return resolve(options.all ? join(options.dir, id) : options.dir);
  const folder = workFolder(labsRoot, id);
  if (existsSync(folder)) return folder;
  if (talk) {
    say(`No work folder yet for ${id} (${shownFolder(folder)}): checking the starter. \`ecs-lab lab start ${id}\` makes your own copy.`);
    say();
  }
  return join(labsRoot, id, 'starter');
}

async function checkOne(thread: CheckThread, labsRoot: string, id: string, folder: string): Promise<LabRun> {
  const started = performance.now();
  const { manifest, report } = await checkLabFolder(thread, labsRoot, id, folder);
  return { id, title: manifest.title, folder: shown(folder), report, seconds: (performance.now() - started) / 1000 };
}

function hint(labsRoot: string, id: string): void {
  const { hints } = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  const started = existsSync(folder);
  const seen = started ? readHintsShown(folder) : 0;
  if (seen >= hints.length) {
    say(`All ${hints.length} hints, as you have seen them:`);
    hints.forEach((h, i) => say(`${chalk.bold(`Hint ${i + 1}:`)} ${h}`));
    return;
  }
  say(`${chalk.bold(`Hint ${seen + 1} of ${hints.length}:`)} ${hints[seen]}`);
  if (!started) {
    say(chalk.dim(`(\`ecs-lab lab start ${id}\` first, and the work folder remembers which hints you have seen.)`));
    return;
  }
  writeHintsShown(folder, seen + 1);
  if (seen + 1 < hints.length) say(chalk.dim(`(\`ecs-lab lab hint ${id}\` again for the next one.)`));
}

function reset(labsRoot: string, id: string): void {
  const manifest = manifestOf(labsRoot, id);
  const folder = workFolder(labsRoot, id);
  copyStarter(labsRoot, manifest, folder);
  say(`${manifest.files.map((f) => shown(join(folder, f))).join(', ')}: the starter again. Hints you have seen stay seen.`);
}
