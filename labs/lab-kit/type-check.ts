import ts from 'typescript';

/**
 * Type-checks a learner's TypeScript file as `tsc --strict` would, against the types the lab gives it (its
 * lab-globals.d.ts, which names the simulator's types from core/) and the ES2022 library. The same checker runs
 * in Node (the repository's files on disk) and in the page (declarations the site ships, see
 * docs/.vitepress/lab-type-sources.ts): only where the files come from differs.
 *
 * One checker keeps every file it parsed and its last program, so a second Check re-reads only the learner's
 * file: the first one pays for the library and the simulator's types, which the page does before the learner
 * clicks (the checks' worker warms up as the lab comes into view).
 */
export interface TypeSources {
  /** The repository as these paths spell it ("/repo" in the page, the clone's folder in Node), no trailing slash. */
  root: string;
  /** The folder of TypeScript's lib.*.d.ts files, no trailing slash. */
  libDir: string;
  read(path: string): string | undefined;
}

export interface TypeError {
  line: number;
  column: number;
  message: string;
  /** How many more errors the file has. */
  more: number;
}

/** What `tsc --strict` needs to agree with the learner's editor and StackBlitz, with nothing to emit. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

export interface LearnerTypeChecker {
  /** The first type error of `text`, the learner's `file` of lab `lab`, or undefined when it type-checks. */
  firstError(lab: string, file: string, text: string): TypeError | undefined;
}

export function createTypeChecker(sources: TypeSources): LearnerTypeChecker {
  const parsed = new Map<string, ts.SourceFile>();
  let previous: ts.Program | undefined;
  let learner = { path: '', text: '' };

  const textOf = (path: string) => (path === learner.path ? learner.text : sources.read(path));
  const host: ts.CompilerHost = {
    getSourceFile(path, languageVersion) {
      const text = textOf(path);
      if (text === undefined) return undefined;
      const known = parsed.get(path);
      if (known?.text === text) return known;
      const file = ts.createSourceFile(path, text, languageVersion, true);
      parsed.set(path, file);
      return file;
    },
    getDefaultLibFileName: (options) => `${sources.libDir}/${ts.getDefaultLibFileName(options)}`,
    getDefaultLibLocation: () => sources.libDir,
    writeFile: () => {},
    getCurrentDirectory: () => sources.root,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (path) => textOf(path) !== undefined,
    readFile: textOf,
    directoryExists: () => true,
    getDirectories: () => [],
  };

  return {
    firstError(lab, file, text) {
      const folder = `${sources.root}/labs/${lab}`;
      learner = { path: `${folder}/${file}`, text };
      const globals = `${folder}/lab-globals.d.ts`;
      const roots = sources.read(globals) === undefined ? [learner.path] : [learner.path, globals];
      const program = ts.createProgram({ rootNames: roots, options: OPTIONS, host, oldProgram: previous });
      previous = program;
      const source = program.getSourceFile(learner.path)!;
      const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].filter(
        (d) => d.category === ts.DiagnosticCategory.Error,
      );
      if (errors.length === 0) return undefined;
      const [first] = errors;
      const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
      return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' '), more: errors.length - 1 };
    },
  };
}
