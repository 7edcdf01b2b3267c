import { describe, expect, it } from 'vitest';
import { resolveConfiguration } from '../../core/express-mode/express-configuration.js';
import { expressTaskDefinition } from '../../core/express-mode/express-task-definition.js';
import { chooseSharedLoadBalancer } from '../../core/express-mode/shared-load-balancer.js';
import type { SharedLoadBalancer } from '../../core/express-mode/express-state.js';
import { rejection } from './rejection.js';

const DEFAULTS = { logGroup: '/aws/ecs/default/web', networkConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] } };
const resolve = (request: object, base?: ReturnType<typeof resolveConfiguration>) => resolveConfiguration(request as Record<string, unknown>, base, DEFAULTS);

describe('the configuration an Express request asks for', () => {
  it('fills in Express Mode defaults: 1 vCPU and 2 GB, port 80, /ping, 1 to 20 tasks tracking 60 % CPU, logs to the service log group', () => {
    expect(resolve({ primaryContainer: { image: 'web:1' } })).toEqual({
      cpu: '1024',
      memory: '2048',
      cpuArchitecture: 'X86_64',
      networkConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] },
      healthCheckPath: '/ping',
      primaryContainer: { image: 'web:1', containerPort: 80, awsLogsConfiguration: { logGroup: '/aws/ecs/default/web', logStreamPrefix: 'ecs' } },
      scalingTarget: { minTaskCount: 1, maxTaskCount: 20, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
    });
  });

  it('on update, keeps what the request does not name: a new image keeps the port, environment and scaling', () => {
    const base = resolve({ primaryContainer: { image: 'web:1', containerPort: 8080, environment: [{ name: 'MODE', value: 'prod' }] }, scalingTarget: { maxTaskCount: 4 } });
    const next = resolve({ primaryContainer: { image: 'web:2' } }, base);
    expect(next.primaryContainer).toEqual({ ...base.primaryContainer, image: 'web:2' });
    expect(next.scalingTarget).toEqual({ minTaskCount: 1, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 });
  });

  it('gives a new scaling metric the default target rather than the old metric’s', () => {
    const base = resolve({ primaryContainer: { image: 'web:1' }, scalingTarget: { autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 500 } });
    expect(resolve({ scalingTarget: { autoScalingMetric: 'AVERAGE_MEMORY' } }, base).scalingTarget.autoScalingTargetValue).toBe(60);
  });

  it('refuses a request without an image or task definition, or with both, naming the member', () => {
    expect(rejection(() => resolve({}))).toMatchObject({ name: 'InvalidParameterException', field: 'primaryContainer' });
    expect(rejection(() => resolve({ primaryContainer: { image: 'web:1' }, taskDefinitionArn: 'web:1' }))).toMatchObject({ name: 'InvalidParameterException', field: 'taskDefinitionArn' });
    expect(rejection(() => resolve({ primaryContainer: { containerPort: 80 } }))).toMatchObject({ name: 'InvalidParameterException', field: 'primaryContainer.image' });
  });

  it('refuses scaling bounds the wrong way round and a CPU target above 100 %', () => {
    expect(rejection(() => resolve({ primaryContainer: { image: 'web:1' }, scalingTarget: { minTaskCount: 5, maxTaskCount: 2 } }))).toMatchObject({
      field: 'scalingTarget.minTaskCount',
      message: 'scalingTarget.minTaskCount (5) cannot be greater than scalingTarget.maxTaskCount (2).',
    });
    expect(rejection(() => resolve({ primaryContainer: { image: 'web:1' }, scalingTarget: { autoScalingTargetValue: 120 } }))).toMatchObject({ field: 'scalingTarget.autoScalingTargetValue' });
    expect(resolve({ primaryContainer: { image: 'web:1' }, scalingTarget: { autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 1000 } }).scalingTarget.autoScalingTargetValue).toBe(1000);
  });

  it('refuses a health check path that is not a path, and moving a service to other subnets', () => {
    expect(rejection(() => resolve({ primaryContainer: { image: 'web:1' }, healthCheckPath: 'ping' }))).toMatchObject({ field: 'healthCheckPath' });
    const base = resolve({ primaryContainer: { image: 'web:1' } });
    expect(rejection(() => resolve({ networkConfiguration: { subnets: ['subnet-c'] } }, base))).toMatchObject({ field: 'networkConfiguration.subnets' });
    expect(resolve({ networkConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-2'] } }, base).networkConfiguration.securityGroups).toEqual(['sg-2']);
  });
});

describe('the task definition Express Mode registers', () => {
  it('runs one essential container named Main on Fargate in awsvpc mode, logging with awslogs', () => {
    const container = resolve({ primaryContainer: { image: 'web:1', containerPort: 8080, command: ['serve'] } }).primaryContainer!;
    expect(expressTaskDefinition('web', 'us-east-1', { cpu: '512', memory: '1024', executionRoleArn: 'arn:aws:iam::123456789012:role/exec' }, container)).toEqual({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [
        {
          name: 'Main',
          image: 'web:1',
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          command: ['serve'],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/aws/ecs/default/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
        },
      ],
    });
  });
});

describe('which shared load balancer a new Express service joins', () => {
  const lb = (arn: string, subnets: string[]): SharedLoadBalancer => ({ arn, listenerArn: `${arn}/listener`, subnets, securityGroupId: 'sg-lb', createdAt: 0 });
  const services = (arn: string, count: number, removed = false) => Array.from({ length: count }, () => ({ loadBalancerArn: arn, removed }));

  it('the first one made for the same subnets that has room', () => {
    const pools = [lb('a', ['subnet-1']), lb('b', ['subnet-1', 'subnet-2']), lb('c', ['subnet-1', 'subnet-2'])];
    expect(chooseSharedLoadBalancer(pools, services('b', 3), ['subnet-1', 'subnet-2'])?.arn).toBe('b');
  });

  it('the next one once 25 services are on it, and none (a new one) when all are full or serve other subnets', () => {
    const pools = [lb('b', ['subnet-1', 'subnet-2']), lb('c', ['subnet-1', 'subnet-2'])];
    expect(chooseSharedLoadBalancer(pools, services('b', 25), ['subnet-1', 'subnet-2'])?.arn).toBe('c');
    expect(chooseSharedLoadBalancer(pools, [...services('b', 25), ...services('c', 25)], ['subnet-1', 'subnet-2'])).toBeUndefined();
    expect(chooseSharedLoadBalancer(pools, [], ['subnet-3'])).toBeUndefined();
  });

  it('does not count deleted services: their load balancer has room again', () => {
    expect(chooseSharedLoadBalancer([lb('b', ['subnet-1'])], services('b', 25, true), ['subnet-1'])?.arn).toBe('b');
  });
});
