import { describe, expect, it } from 'vitest';
import { evaluateExpression, type QueryContext } from '../../core/ecs/placement/query-language/evaluate-expression.js';
import { parseExpression } from '../../core/ecs/placement/query-language/parse-expression.js';

const host: QueryContext = {
  ec2InstanceId: 'i-0abc1234',
  agentConnected: true,
  attributes: {
    'ecs.instance-type': 't2.micro',
    'ecs.availability-zone': 'us-east-1a',
    'ecs.os-type': 'linux',
    'ecs.capability.ecr-auth': '',
    stack: 'prod',
    rack: '12',
  },
  agentVersion: '1.14.5',
  registeredAt: 1518480000, // 2018-02-13T00:00:00Z
  runningTasksCount: 2,
  taskGroups: ['service:web', 'family:batch'],
};

const matches = (expression: string, context: QueryContext = host) =>
  evaluateExpression(parseExpression(expression, 'expression'), context);

describe('cluster query language: equality', () => {
  it.each([
    ['attribute:ecs.instance-type == t2.micro', true],
    ['attribute:ecs.instance-type equals t2.micro', true],
    ['attribute:ecs.instance-type == t2.small', false],
    ['attribute:ecs.instance-type != t2.small', true],
    ['attribute:ecs.instance-type not_equals t2.micro', false],
    ['ec2InstanceId == i-0abc1234', true],
    ['agentConnected == true', true],
    ['agentConnected != true', false],
    ["attribute:stack == 'prod'", true],
    ['attribute:stack == "prod"', true],
  ])('%s → %s', (expression, expected) => {
    expect(matches(expression)).toBe(expected);
  });

  it('compares attribute values as exact strings', () => {
    expect(matches('attribute:rack == 12.0')).toBe(false);
    expect(matches('attribute:stack == PROD')).toBe(false);
  });

  it('treats a missing attribute as unequal to everything', () => {
    expect(matches('attribute:gpu == yes')).toBe(false);
    expect(matches('attribute:gpu != yes')).toBe(true);
  });

  it('does not see Object.prototype members as attributes', () => {
    expect(matches('attribute:constructor exists')).toBe(false);
    expect(matches('attribute:toString != x')).toBe(true);
  });
});

describe('cluster query language: ordering', () => {
  it.each([
    ['runningTasksCount == 2', true],
    ['runningTasksCount > 1', true],
    ['runningTasksCount greater_than 2', false],
    ['runningTasksCount >= 2', true],
    ['runningTasksCount greater_than_equal 3', false],
    ['runningTasksCount < 10', true],
    ['runningTasksCount less_than 2', false],
    ['runningTasksCount <= 2', true],
    ['runningTasksCount less_than_equal 1', false],
  ])('%s → %s', (expression, expected) => {
    expect(matches(expression)).toBe(expected);
  });

  it('compares agent versions part by part, not as text', () => {
    expect(matches('agentVersion < 1.14.10')).toBe(true);
    expect(matches('agentVersion > 1.9.0')).toBe(true);
    expect(matches('agentVersion == 1.14.5')).toBe(true);
    expect(matches('agentVersion >= 1.15')).toBe(false);
    expect(matches('agentVersion == 1.14.5.0')).toBe(true);
  });

  it('compares registeredAt with every documented date format', () => {
    expect(matches('registeredAt == 2018-02-13')).toBe(true);
    expect(matches('registeredAt < 2018-02-14')).toBe(true);
    expect(matches('registeredAt < 2018-02-13')).toBe(false);
    expect(matches('registeredAt >= 2018-02-12T23:59:59Z')).toBe(true);
    expect(matches('registeredAt == 2018-02-13T00:00:00')).toBe(true);
    expect(matches('registeredAt == 2018-02-13T01:00:00+01:00')).toBe(true);
    expect(matches('registeredAt > 2018-02-12T19:00:00-05:00')).toBe(false);
  });

  it('orders custom attributes numerically when both sides are numbers', () => {
    expect(matches('attribute:rack > 9')).toBe(true);
    expect(matches('attribute:rack < 100')).toBe(true);
    expect(matches('attribute:stack > dev')).toBe(true);
  });

  it('is false for a subject the instance does not report', () => {
    const bare: QueryContext = { ec2InstanceId: 'i-1', agentConnected: true, attributes: {} };
    expect(matches('agentVersion < 99', bare)).toBe(false);
    expect(matches('runningTasksCount >= 0', bare)).toBe(false);
    expect(matches('registeredAt > 2000-01-01', bare)).toBe(false);
  });
});

describe('cluster query language: exists, in, matches', () => {
  it.each([
    ['attribute:stack exists', true],
    ['attribute:ecs.capability.ecr-auth exists', true],
    ['attribute:gpu exists', false],
    ['attribute:gpu !exists', true],
    ['attribute:stack not_exists', false],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', true],
    ['attribute:ecs.availability-zone in [us-east-1c]', false],
    ['attribute:ecs.availability-zone !in [us-east-1b, us-east-1c]', true],
    ['attribute:ecs.availability-zone not_in [us-east-1a]', false],
    ["ec2InstanceId in ['i-abcd1234', 'i-0abc1234']", true],
    ['ec2InstanceId in ["i-wxyx7890"]', false],
    ['attribute:ecs.instance-type =~ t2.*', true],
    ['attribute:ecs.instance-type matches t3.*', false],
    ['attribute:ecs.instance-type !~ t3.*', true],
    ['attribute:ecs.instance-type not_matches t2.*', false],
    ['attribute:ecs.instance-type =~ t2.*|t3.*', true],
    ["attribute:ecs.instance-type =~ '(m5|t2)\\.(micro|small)'", true],
    ['ec2InstanceId =~ i-0abc.*', true],
  ])('%s → %s', (expression, expected) => {
    expect(matches(expression)).toBe(expected);
  });

  it('anchors a pattern to the whole value, as Java matches() does', () => {
    expect(matches('attribute:ecs.instance-type =~ t2')).toBe(false);
    expect(matches('attribute:ecs.instance-type =~ micro')).toBe(false);
    expect(matches('attribute:ecs.instance-type =~ .*micro')).toBe(true);
  });

  it('never matches a missing attribute, so !~ holds there', () => {
    expect(matches('attribute:gpu =~ .*')).toBe(false);
    expect(matches('attribute:gpu !~ .*')).toBe(true);
  });
});

describe('cluster query language: task:group', () => {
  it('selects instances hosting a task of the group (affinity)', () => {
    expect(matches('task:group == service:web')).toBe(true);
    expect(matches('task:group == service:production')).toBe(false);
    expect(matches('task:group in [service:api, family:batch]')).toBe(true);
    expect(matches('task:group =~ service:.*')).toBe(true);
  });

  it('selects instances hosting no task of the group (anti-affinity)', () => {
    expect(matches('not(task:group == database)')).toBe(true);
    expect(matches('task:group != service:web')).toBe(false);
    expect(matches('!(task:group == service:web)')).toBe(false);
    expect(matches('task:group !~ family:.*')).toBe(false);
  });

  it('tells an empty instance by task:group !exists', () => {
    expect(matches('task:group exists')).toBe(true);
    expect(matches('task:group !exists', { ...host, taskGroups: [] })).toBe(true);
  });
});
