import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** Members ECS has and the simulator does not act on: accepted, stored, and given back where ECS gives them back. */

function clusterWithInstances(): EcsSimulator {
  const sim = createSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'demo', serviceConnectDefaults: { namespace: 'demo.local' } } as never);
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  return sim;
}

describe('members the simulator stores and gives back', () => {
  it('CreateCluster serviceConnectDefaults, on the cluster', () => {
    const sim = clusterWithInstances();
    expect(sim.describeClusters({ clusters: ['demo'] }).clusters[0]).toMatchObject({ serviceConnectDefaults: { namespace: 'demo.local' } });
  });

  it('RegisterTaskDefinition proxyConfiguration, inferenceAccelerators, ipcMode, pidMode, runtimePlatform, ephemeralStorage and a container linuxParameters', () => {
    const sim = clusterWithInstances();
    const extra = {
      ipcMode: 'task',
      pidMode: 'task',
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      ephemeralStorage: { sizeInGiB: 30 },
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'ProxyIngressPort', value: '15000' }] },
      inferenceAccelerators: [{ deviceName: 'device1', deviceType: 'eia2.medium' }],
    };
    const registered = sim.registerTaskDefinition({ family: 'web', ...extra, containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256, linuxParameters: { initProcessEnabled: true } }] } as never);
    expect(registered.taskDefinition).toMatchObject(extra);
    const described = sim.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition;
    expect(described).toMatchObject(extra);
    expect(described.containerDefinitions[0]).toMatchObject({ name: 'web', linuxParameters: { initProcessEnabled: true } });
  });

  it('EFS transitEncryption, and the rootDirectory "/" ECS adds', () => {
    const sim = clusterWithInstances();
    const volumes = [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED' } }];
    const { taskDefinition } = sim.registerTaskDefinition({ family: 'web', volumes, containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] } as never);
    expect(taskDefinition.volumes).toEqual([{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', rootDirectory: '/', transitEncryption: 'ENABLED' } }]);
  });

  it('CreateService role (as an ARN), enableExecuteCommand and propagateTags; UpdateService changes what it names', () => {
    const sim = clusterWithInstances();
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
    const created = sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, role: 'ecsServiceRole', enableExecuteCommand: true, propagateTags: 'SERVICE' } as never);
    expect(created.service).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/ecsServiceRole', enableExecuteCommand: true, propagateTags: 'SERVICE' });
    sim.updateService({ cluster: 'demo', service: 'web', enableExecuteCommand: false } as never);
    expect(sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0]).toMatchObject({ enableExecuteCommand: false, propagateTags: 'SERVICE' });
  });

  it('RunTask overrides and enableExecuteCommand, on the task', () => {
    const sim = clusterWithInstances();
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] });
    const overrides = { containerOverrides: [{ name: 'web', environment: [{ name: 'MODE', value: 'batch' }] }] };
    const [task] = sim.runTask({ cluster: 'demo', taskDefinition: 'web', overrides, enableExecuteCommand: true } as never).tasks;
    expect(sim.describeTasks({ cluster: 'demo', tasks: [task.taskArn] }).tasks[0]).toMatchObject({ overrides, enableExecuteCommand: true });
  });

  it('validates a stored member as the model says', () => {
    const sim = clusterWithInstances();
    expect(() => sim.registerTaskDefinition({ family: 'web', ipcMode: 'shared', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] } as never)).toThrow(
      'ipcMode must be one of host, task, none (got "shared").',
    );
  });
});
