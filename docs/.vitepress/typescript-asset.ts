import { build } from 'esbuild';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const RESOLVED = '\0ecs-lab:typescript';

/**
 * TypeScript for the labs' check worker in the site's build: bundled once by esbuild as a minified ES module
 * and emitted as a file of its own, which the worker imports as it starts. Inside the worker's bundle, Rollup
 * parsed, analysed and minified TypeScript's 9 MB on every build: a quarter of the whole build's time. The dev
 * server serves the package as it serves any other.
 */
export function typescriptAsAsset(): Plugin {
  return {
    name: 'ecs-lab:typescript-asset',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'typescript' ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // TypeScript's package.json maps the Node modules it can use (fs, path, ...) to nothing in a browser.
      const bundled = await build({
        entryPoints: [createRequire(import.meta.url).resolve('typescript')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      const file = this.emitFile({ type: 'asset', name: 'typescript.js', source: bundled.outputFiles[0].text });
      return `export default (await import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${file})).default;\n`;
    },
  };
}
