import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import type { EditorProblem } from './lab-editor-problems.js';

/**
 * CodeMirror 6 for a lab file: JSON or TypeScript highlighting by the file's extension, and the learner's
 * problems as diagnostics in a lint gutter at their line and column. Loaded on demand by LabEditor.vue,
 * so a page without a lab never fetches it.
 */
export interface LabCodeEditor {
  setText(text: string): void;
  setProblems(problems: readonly EditorProblem[]): void;
  destroy(): void;
}

function languageOf(file: string): Extension {
  if (file.endsWith('.json')) return json();
  if (/\.[cm]?ts$/.test(file)) return javascript({ typescript: true });
  if (/\.[cm]?js$/.test(file)) return javascript();
  // Anything else (an agent's ecs.config) is plain text.
  return [];
}

/**
 * Token colours from the site's own text colours, which keep 4.5:1 contrast in light and dark mode
 * (CodeMirror's default style is made for a white page only).
 */
const readableHighlightStyle = HighlightStyle.define([
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--vp-c-green-1)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--vp-c-indigo-1)' },
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword], color: 'var(--vp-c-purple-1)' },
  { tag: [tags.propertyName, tags.definition(tags.variableName)], color: 'var(--vp-c-brand-1)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--vp-c-text-2)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--vp-c-danger-1)' },
]);

export function createLabEditor(parent: HTMLElement, options: { file: string; text: string; label: string; onChange(text: string): void }): LabCodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        bracketMatching(),
        indentOnInput(),
        syntaxHighlighting(readableHighlightStyle),
        EditorState.tabSize.of(2),
        languageOf(options.file),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': 'lab-code-editor' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  // The scroll area must be reachable by keyboard on its own (axe: scrollable-region-focusable).
  view.scrollDOM.tabIndex = 0;

  return {
    setText(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setProblems(problems) {
      view.dispatch(setDiagnostics(view.state, problems.map((problem) => diagnostic(view.state, problem))));
    },
    destroy: () => view.destroy(),
  };
}

/** A problem at "line 3, column 5" as a diagnostic over the rest of that line's word, or the line's end. */
function diagnostic(state: EditorState, problem: EditorProblem): Diagnostic {
  const line = state.doc.line(Math.min(Math.max(problem.line, 1), state.doc.lines));
  const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
  const word = /^[\w"$.-]+/.exec(state.doc.sliceString(from, line.to))?.[0].length ?? 0;
  return { from, to: Math.max(from + word, from), severity: 'error', message: problem.message };
}
