import { describe, expect, it } from 'vitest';
import lab from '../../labs/rolling-update/checks.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';

/** The first check's result for a service.json, as the learner sees it. */
function firstCheck(serviceJson: string) {
  return runChecks(lab, { 'service.json': serviceJson }).results[0];
}

const service = (deploymentConfiguration: string, extra = '') =>
  ['{', '  "serviceName": "web",', '  "taskDefinition": "web:1",', `  "desiredCount": 6,${extra}`, '  "deploymentConfiguration": {', deploymentConfiguration, '  }', '}'].join('\n');

describe('a service definition ECS would reject', () => {
  it('names the closest ECS field for a misspelt one, and where it is', () => {
    const result = firstCheck(service('    "minimumHealthPercent": 67,\n    "maximumPercent": 134'));
    expect(result.status).toBe('failed');
    expect(result.message).toContain('InvalidParameterException');
    expect(result.message).toContain('did you mean minimumHealthyPercent?');
    expect(result.location).toEqual({ file: 'service.json', line: 6, column: 5 });
  });

  it('names the closest field at the top level too', () => {
    const result = firstCheck(service('    "maximumPercent": 134', '\n  "placementStrategies": [],'));
    expect(result.message).toContain('did you mean placementStrategy?');
    expect(result.location).toMatchObject({ line: 5, column: 3 });
  });

  it('points at a value out of ECS\'s range', () => {
    const result = firstCheck(service('    "minimumHealthyPercent": 120'));
    expect(result.message).toMatch(/minimumHealthyPercent must be at most 100/);
    expect(result.location).toMatchObject({ line: 6, column: 5 });
  });

  it('reports broken JSON with its line and column, with a hint about JSON, and runs no other check', () => {
    const report = runChecks(lab, { 'service.json': service('    "minimumHealthyPercent": 67\n    "maximumPercent": 134') });
    expect(report.results[0].location).toEqual({ file: 'service.json', line: 6, column: 32 });
    expect(report.results[0].message).toContain('not valid JSON');
    expect(report.results[0].hint).toMatch(/a comma between two fields/);
    expect(report.results.slice(1).every((r) => r.status === 'skipped' && r.message.startsWith('Not run'))).toBe(true);
  });

  it('says so when the file is missing, with a hint about where the checks look', () => {
    const [first] = runChecks(lab, {}).results;
    expect(first.message).toBe('service.json is missing.');
    expect(first.hint).toContain('npx ecs-lab lab start');
  });

  it('gives a hint about ECS\'s message when ECS refuses the request', () => {
    expect(firstCheck(service('    "minimumHealthPercent": 67')).hint).toMatch(/^ECS's message names the field/);
  });
});

describe('a service definition that changes what the lab fixes', () => {
  it('points at desiredCount when it is not 6, with a hint to set it back', () => {
    const result = firstCheck(service('    "maximumPercent": 134').replace('"desiredCount": 6', '"desiredCount": 4'));
    expect(result.status).toBe('failed');
    expect(result.hint).toMatch(/^The lab fixes desiredCount.*starter's value/);
    expect(result.message).toMatch(/desiredCount is 4.*6 tasks/);
    expect(result.location).toMatchObject({ line: 4, column: 3 });
  });

  it('points at serviceName when it is not web', () => {
    const result = firstCheck(service('    "maximumPercent": 134').replace('"serviceName": "web"', '"serviceName": "api"'));
    expect(result.message).toContain('"web"');
    expect(result.location).toMatchObject({ line: 2, column: 3 });
  });
});
