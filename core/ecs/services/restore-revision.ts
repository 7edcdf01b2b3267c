import type { DeploymentHistory, DeploymentRecord, ServiceRecord } from '../model/state.js';
import { copyJson } from '../../kernel/copy-json.js';

/**
 * What a service revision holds of its service besides the task definition ("Properties included in an Amazon ECS
 * service revision"): the same members on the service and on each deployment's history. The deployment
 * configuration is no part of a revision.
 */
export type RevisionSettings = Pick<
  DeploymentHistory,
  | 'launchType'
  | 'capacityProviderStrategy'
  | 'networkConfiguration'
  | 'loadBalancers'
  | 'serviceRegistries'
  | 'serviceConnectAliases'
  | 'serviceConnectNamespaceArn'
  | 'serviceConnectConfiguration'
>;

const OPTIONAL_SETTINGS = ['networkConfiguration', 'serviceConnectNamespaceArn', 'serviceConnectConfiguration'] as const;

/** A copy of `source`'s revision settings (a service's, when a deployment starts; a history's, when it is restored). */
export function revisionSettings(source: RevisionSettings): RevisionSettings {
  return copyJson({
    launchType: source.launchType,
    capacityProviderStrategy: source.capacityProviderStrategy,
    ...(source.networkConfiguration ? { networkConfiguration: source.networkConfiguration } : {}),
    loadBalancers: source.loadBalancers,
    serviceRegistries: source.serviceRegistries,
    serviceConnectAliases: source.serviceConnectAliases,
    ...(source.serviceConnectNamespaceArn ? { serviceConnectNamespaceArn: source.serviceConnectNamespaceArn } : {}),
    ...(source.serviceConnectConfiguration ? { serviceConnectConfiguration: source.serviceConnectConfiguration } : {}),
  });
}

/**
 * A rollback puts the service back on the revision it returns to: "Amazon ECS uses the last successful service
 * revision for the rollback" (developer guide, "Amazon ECS service revisions"). Its task definition and revision
 * settings become the service's again, so that DescribeServices shows them and the tasks started from now on
 * register there; the service keeps its own deployment configuration.
 */
export function restoreRevision(service: ServiceRecord, revision: DeploymentRecord): void {
  service.taskDefinitionArn = revision.taskDefinitionArn;
  if (!revision.history) return;
  for (const key of OPTIONAL_SETTINGS) delete service[key];
  Object.assign(service, revisionSettings(revision.history));
}
