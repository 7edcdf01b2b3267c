// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import LabEditor from '../../docs/components/LabEditor.vue';
import { until } from '../until.js';

let wrapper: VueWrapper;
afterEach(() => wrapper?.unmount());

const json = '{\n  "serviceName": "web",\n  "desiredCount": 6\n}\n';

async function editor(props: { file: string; problems?: { line: number; column: number; message: string }[] }, text = json) {
  wrapper = mount(LabEditor, { props: { modelValue: text, label: props.file, problems: props.problems ?? [], file: props.file }, attachTo: document.body });
  await until(() => expect(wrapper.find('.cm-editor').exists()).toBe(true));
  return wrapper;
}

describe('the lab editor', () => {
  it('replaces the textarea with CodeMirror once it has loaded, holding the file\'s text', async () => {
    const w = await editor({ file: 'service.json' });
    expect(w.find('textarea').exists()).toBe(false);
    expect(w.get('.cm-content').text()).toContain('"serviceName": "web"');
    expect(w.get('.cm-content').attributes('aria-label')).toBe('service.json');
  });

  it('highlights JSON and TypeScript', async () => {
    const jsonEditor = await editor({ file: 'service.json' });
    expect(jsonEditor.findAll('.cm-line span').length).toBeGreaterThan(0);
    wrapper.unmount();
    const ts = await editor({ file: 'maintenance.ts' }, 'export default function f(x: number): void {}\n');
    expect(ts.findAll('.cm-line span').length).toBeGreaterThan(0);
  });

  it('puts a problem in the lint gutter at its line, and in words below the editor', async () => {
    const w = await editor({ file: 'service.json', problems: [{ line: 3, column: 3, message: 'Unknown parameter desiredCount.' }] });
    await until(() => expect(w.findAll('.cm-lint-marker-error')).toHaveLength(1));
    const { EditorView } = await import('@codemirror/view');
    const { forEachDiagnostic } = await import('@codemirror/lint');
    const view = EditorView.findFromDOM(w.get('.cm-editor').element as HTMLElement)!;
    const at: string[] = [];
    forEachDiagnostic(view.state, (d, from) => at.push(`${view.state.doc.lineAt(from).number}:${from - view.state.doc.lineAt(from).from + 1} ${d.message}`));
    expect(at).toEqual(['3:3 Unknown parameter desiredCount.']);
    expect(w.get('[data-testid="lab-editor-problem"]').text()).toBe('line 3, column 3: Unknown parameter desiredCount.');
  });

  it('reports the learner\'s typing as the new text', async () => {
    const w = await editor({ file: 'service.json' });
    const { EditorView } = await import('@codemirror/view');
    const view = EditorView.findFromDOM(w.get('.cm-editor').element as HTMLElement)!;
    view.dispatch({ changes: { from: 0, insert: ' ' } });
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([` ${json}`]);
  });
});
