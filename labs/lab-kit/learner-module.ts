import ts from 'typescript';
import type { InputProblem, LearnerFiles, SourceLocation } from './check-types.js';
import { describeError } from './describe-error.js';
import { doesNotCompile, doesNotTypeCheck, missingFile } from './input-problems.js';
import { positionAt } from './parse-json.js';
import { originalPosition } from './source-map-position.js';
import { typeChecker } from './type-checker-in-use.js';

/**
 * A learner's TypeScript file, type-checked, compiled and run in the same way in Node and in the browser. It may
 * import types only (they vanish when compiled): whatever it needs at run time, the lab hands to the function it
 * exports, typed by the lab's lab-globals.d.ts. An error, at compile time (syntax or types, as `tsc --strict`
 * finds them) or when its function runs, becomes a problem that points at the learner's line.
 * Loops that never end are the caller's to stop (a worker with a time budget): this runs synchronously.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

export interface LearnerModule {
  file: string;
  /** Calls the function the file exports under `name` ('default' for `export default`). */
  call<T>(name: string, ...args: unknown[]): Outcome<T>;
}

/** `new Function` puts two lines of its own before the body. */
const FUNCTION_HEADER_LINES = 2;

/** `lab`: the lab's folder name, whose lab-globals.d.ts types the file. */
export function loadLearnerModule(files: LearnerFiles, file: string, lab: string): Outcome<LearnerModule> {
  const text = files[file];
  if (text === undefined) return { ok: false, problem: missingFile(file) };
  const compiled = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: true },
  });
  const syntaxError = compiled.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntaxError) {
    const location = { file, ...positionAt(text, syntaxError.start ?? 0) };
    return { ok: false, problem: doesNotCompile(location, ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ')) };
  }
  const typeError = typeChecker()?.firstError(lab, file, text);
  if (typeError) {
    const more = typeError.more > 0 ? ` (and ${typeError.more} more type error${typeError.more === 1 ? '' : 's'})` : '';
    return { ok: false, problem: doesNotTypeCheck({ file, line: typeError.line, column: typeError.column }, `${typeError.message}${more}`) };
  }
  const mappings = (JSON.parse(compiled.sourceMapText ?? '{"mappings":""}') as { mappings: string }).mappings;
  const body = `${compiled.outputText.replace(/^\/\/# sourceMappingURL=.*$/m, '')}\n//# sourceURL=${file}`;
  const locate = (error: unknown) => locateError(error, file, mappings);

  const exports: Record<string, unknown> = {};
  const require = (name: string) => {
    throw new Error(`${file} imports "${name}" at run time: import types only (import type { ... }); the lab hands you what you need.`);
  };
  try {
    new Function('exports', 'require', body)(exports, require);
  } catch (error) {
    return { ok: false, problem: { message: `${file} failed as it loaded: ${describeError(error)}`, location: locate(error) } };
  }

  return {
    ok: true,
    value: {
      file,
      call<T>(name: string, ...args: unknown[]): Outcome<T> {
        const fn = exports[name];
        const what = name === 'default' ? 'a default export' : `an export named ${name}`;
        if (typeof fn !== 'function') return { ok: false, problem: { message: `${file} must have ${what} that is a function.` } };
        try {
          return { ok: true, value: fn(...args) as T };
        } catch (error) {
          return { ok: false, problem: { message: `Your code threw ${errorName(error)}: ${describeError(error)}`, location: locate(error) } };
        }
      },
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `a ${error.name}` : 'an exception';
}

/** The first frame of the stack in the learner's file, mapped back to their TypeScript. */
function locateError(error: unknown, file: string, mappings: string): SourceLocation | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!frame) return undefined;
  const position = originalPosition(mappings, Number(frame[1]) - FUNCTION_HEADER_LINES, Number(frame[2]));
  return position && { file, ...position };
}
