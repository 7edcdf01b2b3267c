import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineLoader } from 'vitepress';
import { parseLabManifest, type LabManifest } from '../../../labs/lab-kit/lab-manifest.js';
import { readSection } from './pages.js';
import { computePractice, type Practice, type QuestionRef } from './practice.js';

/** Build-time data: each chapter's questions and labs, and every lab with its time, difficulty and chapter. */
export type { Practice };
declare const data: Practice;
export { data };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every lab folder's lab.json (a folder without one, like the lab kit, is not a lab). */
export function readLabManifests(root: string): LabManifest[] {
  const dir = join(root, 'labs');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'lab.json')))
    .map((entry) => parseLabManifest(readFileSync(join(dir, entry.name, 'lab.json'), 'utf8'), `labs/${entry.name}/lab.json`));
}

/** Every question's id and chapter, with the file that holds it, files in name order. */
function readQuestionRefs(root: string): QuestionRef[] {
  const dir = join(root, 'docs/quiz/questions');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => [JSON.parse(readFileSync(join(dir, file), 'utf8')) as QuestionRef | QuestionRef[]].flat().map((q) => ({ id: q.id, chapter: q.chapter, file })));
}

export default defineLoader({
  watch: ['../../chapters/*.md', '../../quiz/questions/*.json', '../../../labs/*/lab.json', '../../labs/*.md'],
  load(): Practice {
    // A lab is practised in the site once it has its page there (until then, only from the command line).
    const inSite = readLabManifests(repoRoot).filter((lab) => existsSync(join(repoRoot, 'docs/labs', `${lab.id}.md`)));
    return computePractice(readSection(join(repoRoot, 'docs'), 'chapters'), inSite, readQuestionRefs(repoRoot));
  },
});
