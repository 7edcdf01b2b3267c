import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREBUNDLED_PACKAGES } from '../../docs/.vitepress/prebundled-packages.js';
import { moduleReferences } from '../architecture/import-graph.js';

/** What the dev server serves itself, or what is not a package: Vue, VitePress, Node's modules, virtual modules. */
const NOT_PREBUNDLED = /^(vue|vitepress|node:.*|virtual:.*)$/;

/** './x.js' names x.ts beside it (tsconfig's NodeNext), or the file itself (.vue, .css). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const path = normalize(join(dirname(from), specifier));
  return [path.replace(/\.js$/, '.ts'), path].find((candidate) => existsSync(candidate) && /\.(ts|vue)$/.test(candidate));
}

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every package the files import, following their relative imports (static and dynamic) through the repository. */
function packagesImportedFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier } of moduleReferences(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const next = resolveRelative(file, specifier);
        if (next) queue.push(next);
      } else if (!NOT_PREBUNDLED.test(packageOf(specifier))) packages.add(packageOf(specifier));
    }
  }
  return packages;
}

describe('npm start', () => {
  it("pre-bundles every package the site's pages import, so that no first visit reloads the page", () => {
    const entries = ['docs/.vitepress/theme', 'docs/components'].flatMap((folder) =>
      readdirSync(folder).filter((file) => /\.(ts|vue)$/.test(file)).map((file) => join(folder, file)),
    );
    expect([...packagesImportedFrom(entries)].sort()).toEqual([...PREBUNDLED_PACKAGES].sort());
  });
});
