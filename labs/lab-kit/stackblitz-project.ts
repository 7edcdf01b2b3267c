import type { Project } from '@stackblitz/sdk';
import { parseLabManifest, type LabManifest } from './lab-manifest.js';

/**
 * The versions the repository itself uses (package.json). tsx runs the TypeScript: it strips the types with esbuild,
 * in a fraction of the time the TypeScript compiler takes; StackBlitz's WebContainers run esbuild (Vite needs it
 * there too). Started as `node --import tsx`, so the checks run in the one Node process `npm test` starts, with no
 * relay process of the tsx command between. tsx 4 supports Node 18 and 20.
 */
export const PROJECT_DEV_DEPENDENCIES = { tsx: '4.23.15', typescript: '5.9.3' } as const;

/**
 * A lab as a StackBlitz project (WebContainers, `template: 'node'`): the engine, the lab kit, the lab, and the
 * learner's files at `labs/<id>/<file>`; `npm test` runs the checks. Pure: `files` maps repository paths to
 * text, from Vite in the browser or from the disk in Node, and may hold more than the project needs.
 * A learner file missing from `files` comes from the lab's starter.
 */
export function buildStackblitzProject(labId: string, files: Record<string, string>): Project {
  const labFolder = `labs/${labId}/`;
  const manifestText = files[`${labFolder}lab.json`];
  if (manifestText === undefined) throw new Error(`No ${labFolder}lab.json among the files given.`);
  const manifest = parseLabManifest(manifestText, `${labFolder}lab.json`);

  const projectFiles: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) if (belongsInProject(path, labFolder)) projectFiles[path] = text;
  for (const name of manifest.files) {
    const text = files[`${labFolder}${name}`] ?? files[`${labFolder}starter/${name}`];
    if (text === undefined) throw new Error(`Neither ${labFolder}${name} nor ${labFolder}starter/${name} is among the files given.`);
    projectFiles[`${labFolder}${name}`] = text;
  }

  return {
    title: `ecs-lab: ${manifest.title}`,
    description: manifest.summary,
    template: 'node',
    files: {
      ...projectFiles,
      'package.json': packageJson(manifest),
      'tsconfig.json': TSCONFIG,
      'README.md': readme(manifest),
    },
  };
}

/** The engine without its Node-only CLI, the lab kit without its Vite-only part, and the lab's own top-level files. */
function belongsInProject(path: string, labFolder: string): boolean {
  if (path.startsWith('core/')) return path.endsWith('.ts') && !path.startsWith('core/shell/');
  if (path.startsWith('labs/lab-kit/')) return !path.startsWith('labs/lab-kit/browser/');
  // starter/, solution/, mistakes/ and work/ stay out: the learner's files are added by name.
  return path.startsWith(labFolder) && !path.slice(labFolder.length).includes('/');
}

function packageJson(manifest: LabManifest): string {
  const test = `node --import tsx labs/lab-kit/node/check-main.ts ${manifest.id}`;
  const pkg = {
    name: `ecs-lab-${manifest.id}`,
    private: true,
    description: manifest.summary,
    type: 'module',
    scripts: { test },
    devDependencies: PROJECT_DEV_DEPENDENCIES,
    // StackBlitz runs this once the dependencies are installed, so the checks greet the learner.
    stackblitz: { startCommand: 'npm test' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      rootDir: '.',
    },
  },
  null,
  2,
)}\n`;

function readme(manifest: LabManifest): string {
  const files = manifest.files.map((name) => `\`labs/${manifest.id}/${name}\``).join(', ');
  const hints = manifest.hints.map((hint, i) => `<details><summary>Hint ${i + 1}</summary>\n\n${hint}\n\n</details>`);
  return [
    `# ${manifest.title}`,
    '',
    manifest.summary,
    '',
    `Edit ${files}, then run \`npm test\` in the terminal: it checks your work against ecs-lab's simulated ECS.`,
    `The instructions are in [labs/${manifest.id}/README.md](labs/${manifest.id}/README.md).`,
    '',
    ...(manifest.parts ? ['## Parts', '', ...manifest.parts.map((part) => `- ${part.title}: ${part.points} points (${part.checks.length} checks)`), ''] : []),
    '## Hints',
    '',
    'Open them one at a time, and only when you are stuck.',
    '',
    ...hints.flatMap((h) => [h, '']),
  ].join('\n');
}
