// `npm test` of a lab's StackBlitz project: checks the learner's files, which sit in the lab's own folder there.
// Usage: node --import tsx labs/lab-kit/node/check-main.ts <lab id>
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from '../format-report.js';
import { partScores } from '../lab-parts.js';
import { checkLabFolder } from './check-lab-folder.js';
import { CheckThread } from './check-in-worker.js';
import { LABS_ROOT } from './lab-folders.js';

const id = process.argv[2];
if (!id) {
  process.stderr.write('usage: check-main.ts <lab id>\n');
  process.exit(2);
}
const labsRoot = fileURLToPath(LABS_ROOT);
const thread = new CheckThread(labsRoot);
const { manifest, report } = await checkLabFolder(thread, labsRoot, id, join(labsRoot, id));
thread.close();
const parts = manifest.parts ? partScores(manifest, report) : [];
process.stdout.write(`${formatReport(manifest.title, report, undefined, parts).join('\n')}\n`);
process.exitCode = report.passed ? 0 : 1;
