import type { DeploymentRecord, ServiceRecord } from '../model/state.js';
import { copyJson } from '../../kernel/copy-json.js';

/**
 * A rollback puts the service back on the revision it returns to: "Amazon ECS uses the last successful service
 * revision for the rollback" (developer guide, "Amazon ECS service revisions"). Its task definition, launch type,
 * capacity provider strategy, network configuration, load balancers, service registries and Service Connect
 * configuration (what the revision holds, "Properties included in an Amazon ECS service revision") become the
 * service's again, so that DescribeServices shows them and the tasks started from now on register there. The
 * deployment configuration is no part of a revision: the service keeps its own.
 */
export function restoreRevision(service: ServiceRecord, revision: DeploymentRecord): void {
  service.taskDefinitionArn = revision.taskDefinitionArn;
  const history = revision.history;
  if (!history) return;
  service.launchType = history.launchType;
  service.capacityProviderStrategy = history.capacityProviderStrategy.map((s) => ({ ...s }));
  if (history.networkConfiguration) service.networkConfiguration = structuredClone(history.networkConfiguration);
  else delete service.networkConfiguration;
  service.loadBalancers = structuredClone(history.loadBalancers);
  service.serviceRegistries = [...history.serviceRegistries];
  service.serviceRegistriesGiven = copyJson(history.serviceRegistriesGiven);
  service.serviceConnectAliases = [...history.serviceConnectAliases];
  if (history.serviceConnectNamespaceArn) service.serviceConnectNamespaceArn = history.serviceConnectNamespaceArn;
  else delete service.serviceConnectNamespaceArn;
  if (history.serviceConnectConfiguration) service.serviceConnectConfiguration = copyJson(history.serviceConnectConfiguration);
  else delete service.serviceConnectConfiguration;
}
