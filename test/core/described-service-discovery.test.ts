import { describe, expect, it } from 'vitest';
import { discoveryReadySimulator } from './discovery-ready-simulator.js';

/**
 * What DescribeServices shows of a service's Cloud Map registries and Service Connect configuration: AWS's API
 * model has `serviceRegistries` (registryArn, port, containerName, containerPort) on the Service and
 * `serviceConnectConfiguration` on each Deployment; the AWS CLI's describe-services examples show the registries
 * as given (`"serviceRegistries": []` for a service without any) and each deployment's Service Connect
 * configuration as given (its namespace by the name the request used).
 */
function api() {
  const { sim, a, b } = discoveryReadySimulator();
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };
  const service = (name: string) => sim.describeServices({ services: [name] }).services[0];
  return { sim, a: a.Arn, b: b.Arn, network, service };
}

const MESH = { enabled: true, namespace: 'mesh', services: [{ portName: 'http', clientAliases: [{ port: 80, dnsName: 'api.mesh' }] }] };

describe('DescribeServices shows serviceRegistries and each deployment its Service Connect configuration', () => {
  it('gives back the registry entry exactly as CreateService got it, and an empty list for a service without any', () => {
    const { sim, a, network, service } = api();
    const entry = { registryArn: a, containerName: 'api', containerPort: 8080 };
    const created = sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network, serviceRegistries: [entry] });
    expect(created.service.serviceRegistries).toEqual([entry]);
    expect(service('api').serviceRegistries).toEqual([entry]);
    sim.createService({ serviceName: 'plain', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network });
    expect(service('plain').serviceRegistries).toEqual([]);
    expect(service('plain').deployments[0]).not.toHaveProperty('serviceConnectConfiguration');
  });

  it('after an UpdateService, the new registries, and the Service Connect configuration on the new deployment only', () => {
    const { sim, a, b, network, service } = api();
    sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network, serviceRegistries: [{ registryArn: a }] });
    sim.control.runUntilSteady({ service: 'api' });
    const updated = sim.updateService({ service: 'api', serviceRegistries: [{ registryArn: b, port: 8080 }], serviceConnectConfiguration: MESH });
    expect(updated.service.serviceRegistries).toEqual([{ registryArn: b, port: 8080 }]);
    const [primary, previous] = service('api').deployments;
    expect(service('api').serviceRegistries).toEqual([{ registryArn: b, port: 8080 }]);
    expect(primary).toMatchObject({ status: 'PRIMARY', serviceConnectConfiguration: MESH });
    expect(previous.status).toBe('ACTIVE');
    expect(previous).not.toHaveProperty('serviceConnectConfiguration');
  });

  it('after a rollback, the registries and Service Connect configuration of the revision it returns to, with nothing of the update mixed in', () => {
    const { sim, a, b, network, service } = api();
    const entry = { registryArn: a, containerName: 'api', containerPort: 8080 };
    sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network, serviceRegistries: [entry] });
    sim.control.runUntilSteady({ service: 'api' });
    sim.updateService({ service: 'api', serviceRegistries: [{ registryArn: b, port: 8080 }], serviceConnectConfiguration: MESH });
    const [update] = sim.listServiceDeployments({ service: 'api' }).serviceDeployments;
    sim.stopServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn, stopType: 'ROLLBACK' });
    expect(service('api').serviceRegistries).toEqual([entry]);
    expect(service('api').deployments[0]).not.toHaveProperty('serviceConnectConfiguration');
    sim.control.runUntilSteady({ service: 'api' });
    expect(service('api').serviceRegistries).toEqual([entry]);
    expect(service('api').deployments.map((d) => d.serviceConnectConfiguration)).toEqual([undefined]);
  });

  it('a rollback to a revision with Service Connect shows it again on the rollback deployment', () => {
    const { sim, a, network, service } = api();
    sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network, serviceConnectConfiguration: MESH });
    sim.control.runUntilSteady({ service: 'api' });
    sim.updateService({ service: 'api', serviceRegistries: [{ registryArn: a }], serviceConnectConfiguration: { enabled: false } });
    expect(service('api').deployments.map((d) => d.serviceConnectConfiguration)).toEqual([{ enabled: false }, MESH]);
    const [update] = sim.listServiceDeployments({ service: 'api' }).serviceDeployments;
    sim.stopServiceDeployment({ serviceDeploymentArn: update.serviceDeploymentArn, stopType: 'ROLLBACK' });
    expect(service('api').deployments[0].serviceConnectConfiguration).toEqual(MESH);
    expect(service('api').serviceRegistries).toEqual([]);
  });

  // The AWS CLI's describe-service-revisions example: a revision without load balancers or registries has no such
  // member, and one without Service Connect says `"serviceConnectConfiguration": { "enabled": false }`.
  it('DescribeServiceRevisions gives each revision its registries and Service Connect configuration as the deployment got them', () => {
    const { sim, a, b, network } = api();
    const entry = { registryArn: a, containerName: 'api', containerPort: 8080 };
    sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: network, serviceRegistries: [entry] });
    sim.control.runUntilSteady({ service: 'api' });
    sim.updateService({ service: 'api', serviceRegistries: [{ registryArn: b }], serviceConnectConfiguration: MESH });
    const deployments = sim.listServiceDeployments({ service: 'api' }).serviceDeployments;
    const revisionArns = deployments.map((d) => d.targetServiceRevisionArn!).reverse();
    const [first, second] = sim.describeServiceRevisions({ serviceRevisionArns: revisionArns }).serviceRevisions;
    expect(first.serviceRegistries).toEqual([entry]);
    expect(first.serviceConnectConfiguration).toEqual({ enabled: false });
    expect(first).not.toHaveProperty('loadBalancers');
    expect(second.serviceRegistries).toEqual([{ registryArn: b }]);
    expect(second.serviceConnectConfiguration).toEqual(MESH);
  });
});
