// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LabPanel from '../../docs/components/LabPanel.vue';
import { until } from '../until.js';

const openProject = vi.fn();
vi.mock('@stackblitz/sdk', () => ({ default: { openProject } }));
// CodeMirror is tested on its own (lab-editor.test.ts): here the panel keeps its plain textarea, easy to type into.
vi.mock('../../docs/components/lab-codemirror.js', () => ({
  createLabEditor: () => {
    throw new Error('no CodeMirror in this test');
  },
}));
const { markLabPassed } = vi.hoisted(() => ({ markLabPassed: vi.fn() }));
vi.mock('../../docs/components/progress-store.js', () => ({ markLabPassed }));

const starter = readFileSync('labs/rolling-update/starter/service.json', 'utf8');
const solution = readFileSync('labs/rolling-update/solution/service.json', 'utf8');
const hintCount = JSON.parse(readFileSync('labs/rolling-update/lab.json', 'utf8')).hints.length as number;

let wrapper: VueWrapper;
afterEach(() => wrapper?.unmount());

async function mountPanel(lab: string) {
  wrapper = mount(LabPanel, { props: { lab } });
  await until(() => expect(wrapper.find('[data-testid="lab-editor"]').exists()).toBe(true));
  return wrapper;
}

const panel = () => mountPanel('rolling-update');

async function check(w: VueWrapper) {
  await w.get('[data-testid="lab-check"]').trigger('click');
  await until(() => expect(w.findAll('[data-testid="lab-result"]').length).toBeGreaterThan(0));
  return w.findAll('[data-testid="lab-result"]');
}

const editor = (w: VueWrapper) => w.get<HTMLTextAreaElement>('[data-testid="lab-editor"]');

describe('the lab panel', () => {
  it('starts with the starter service.json in the editor', async () => {
    const w = await panel();
    expect(editor(w).element.value).toBe(starter);
    expect(w.text()).toContain('labs/rolling-update/service.json');
  });

  it('checks the starter: the deployment check fails with ECS\'s event and a hint', async () => {
    const results = await check(await panel());
    const deployment = results.find((r) => r.attributes('data-check') === 'deployment-completes')!;
    expect(deployment.attributes('data-status')).toBe('failed');
    expect(deployment.text()).toContain('unable to stop or start tasks');
    expect(deployment.text()).toContain('Hint:');
  });

  it('checks the solution: every check passes', async () => {
    const w = await panel();
    await editor(w).setValue(solution);
    const results = await check(w);
    expect(results.map((r) => r.attributes('data-status'))).toEqual(results.map(() => 'passed'));
    expect(w.get('[data-testid="lab-summary"]').text()).toContain('lab complete');
    expect(markLabPassed).toHaveBeenCalledWith('rolling-update');
  });

  it('shows hints only on failing checks; a check not run is one line, without a hint or a message', async () => {
    const w = await panel();
    await editor(w).setValue('{ "serviceName": "web", }');
    const results = await check(w);
    const [input, ...rest] = results;
    expect(input.attributes('data-status')).toBe('failed');
    expect(input.find('[data-testid="lab-result-hint"]').exists()).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
    for (const notRun of rest) {
      expect(notRun.attributes('data-status')).toBe('skipped');
      expect(notRun.findAll('p')).toHaveLength(1);
      expect(notRun.text()).toMatch(/\(not run\)$/);
      expect(notRun.text()).not.toContain('Hint');
    }
    expect(w.get('[data-testid="lab-summary"]').text()).toContain(`0 of ${results.length} checks passed (${rest.length} not run until the first passes)`);

    await editor(w).setValue(solution);
    await w.get('[data-testid="lab-check"]').trigger('click');
    await until(() => expect(w.get('[data-testid="lab-summary"]').attributes('data-status')).toBe('passed'));
    const passed = w.findAll('[data-testid="lab-result"]');
    expect(passed.every((r) => r.attributes('data-status') === 'passed' && !r.find('[data-testid="lab-result-hint"]').exists())).toBe(true);
  });

  it('says the results are out of date once the text changes after a Check', async () => {
    const w = await panel();
    await check(w);
    expect(w.get('[data-testid="lab-summary"]').text()).not.toContain('before your latest edits');
    await editor(w).setValue(solution);
    expect(w.get('[data-testid="lab-summary"]').text()).toContain('before your latest edits');
  });

  it('shows broken JSON beside the editor as the learner types, with line and column', async () => {
    const w = await panel();
    await editor(w).setValue('{\n  "serviceName": "web",\n  "desiredCount": 6,\n}');
    expect(w.get('[data-testid="lab-editor-problem"]').text()).toMatch(/^line 3, column 20: .*comma/);
    await editor(w).setValue(starter);
    expect(w.find('[data-testid="lab-editor-problem"]').exists()).toBe(false);
  });

  it('after Check, points beside the editor at a misspelt field and names the right one', async () => {
    const w = await panel();
    await editor(w).setValue(starter.replace('minimumHealthyPercent', 'minimumHealthPercent'));
    await check(w);
    expect(w.get('[data-testid="lab-editor-problem"]').text()).toMatch(/^line 6, column 5: .*did you mean minimumHealthyPercent\?/);
  });

  it('reveals the hints one at a time', async () => {
    const w = await panel();
    expect(w.findAll('[data-testid="lab-hint"]')).toHaveLength(0);
    await w.get('[data-testid="lab-show-hint"]').trigger('click');
    expect(w.findAll('[data-testid="lab-hint"]')).toHaveLength(1);
    await w.get('[data-testid="lab-show-hint"]').trigger('click');
    expect(w.findAll('[data-testid="lab-hint"]')).toHaveLength(2);
    for (let i = 2; i < hintCount; i++) await w.get('[data-testid="lab-show-hint"]').trigger('click');
    expect(w.get('[data-testid="lab-show-hint"]').attributes('disabled')).toBeDefined();
  });

  it('resets the editor to the starter', async () => {
    const w = await panel();
    await editor(w).setValue(solution);
    await w.get('[data-testid="lab-reset"]').trigger('click');
    expect(editor(w).element.value).toBe(starter);
  });

  it('opens the edited service.json in StackBlitz, in a new window', async () => {
    const w = await panel();
    await editor(w).setValue(solution);
    await w.get('[data-testid="lab-stackblitz"]').trigger('click');
    await until(() => expect(openProject).toHaveBeenCalledTimes(1));
    await flushPromises();
    const [project, options] = openProject.mock.calls[0];
    expect(options).toEqual({ openFile: 'labs/rolling-update/service.json', newWindow: true });
    expect(project.template).toBe('node');
    expect(project.files['labs/rolling-update/service.json']).toBe(solution);
    expect(project.files['core/index.ts']).toContain('createSimulator');
    expect(JSON.parse(project.files['package.json']).scripts.test).toBeTruthy();
  });
});

describe('the lab panel of a lab with several files', () => {
  const solutionOf = (file: string) => readFileSync(`labs/task-vs-service/solution/${file}`, 'utf8');

  it('shows a tab per file, edits each on its own, and checks them all with one button', async () => {
    await mountPanel('task-vs-service');
    const tabs = wrapper.findAll('[data-testid="lab-file-tab"]');
    expect(tabs.map((t) => t.text())).toEqual(['run-task.json', 'service.json']);
    expect(wrapper.get('[data-testid="lab-check"]').text()).toBe('Check all files');

    await editor(wrapper).setValue(solutionOf('run-task.json'));
    await tabs[1].trigger('click');
    expect(tabs[1].attributes('aria-selected')).toBe('true');
    await editor(wrapper).setValue(solutionOf('service.json'));
    await tabs[0].trigger('click');
    expect(editor(wrapper).element.value).toBe(solutionOf('run-task.json'));

    const results = await check(wrapper);
    expect(results.map((r) => r.attributes('data-status'))).toEqual(['passed', 'passed', 'passed']);
  });

  it('marks the tab of a file a check points into', async () => {
    await mountPanel('task-vs-service');
    await editor(wrapper).setValue('{\n  "taskDefinition": "report",\n  "desiredCount": 1\n}\n');
    await check(wrapper);
    const [runTaskTab] = wrapper.findAll('[data-testid="lab-file-tab"]');
    expect(runTaskTab.classes()).toContain('problem');
    expect(wrapper.get('[data-testid="lab-editor-problem"]').text()).toMatch(/^line 3, column 3: .*desiredCount/);
  });
});
