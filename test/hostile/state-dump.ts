import type { EcsSimulator } from '../../core/index.js';

/**
 * Everything observable about a simulator, as one JSON string: the cluster picture, every describe* of
 * every resource, the event log's length and the clock. Two equal dumps mean nothing visible changed.
 */
export function stateDump(sim: EcsSimulator): string {
  const clusterArns = sim.listClusters().clusterArns;
  const clusters = clusterArns.length ? sim.describeClusters({ clusters: clusterArns, include: ['TAGS'] }) : null;
  const perCluster = clusterArns.map((cluster) => {
    const serviceArns = sim.listServices({ cluster }).serviceArns;
    const taskArns = ['RUNNING', 'STOPPED'].flatMap((desiredStatus) => sim.listTasks({ cluster, desiredStatus: desiredStatus as 'RUNNING' | 'STOPPED' }).taskArns);
    const instanceArns = sim.listContainerInstances({ cluster }).containerInstanceArns;
    return {
      services: serviceArns.length ? sim.describeServices({ cluster, services: serviceArns.slice(0, 10) }) : null,
      tasks: taskArns.length ? sim.describeTasks({ cluster, tasks: taskArns.slice(0, 100) }) : null,
      instances: instanceArns.length ? sim.describeContainerInstances({ cluster, containerInstances: instanceArns.slice(0, 100) }) : null,
    };
  });
  const definitions = ['ACTIVE', 'INACTIVE'].flatMap((status) => sim.listTaskDefinitions({ status: status as 'ACTIVE' | 'INACTIVE' }).taskDefinitionArns);
  return JSON.stringify({
    view: sim.control.view(),
    clusters,
    perCluster,
    definitions: definitions.map((taskDefinition) => sim.describeTaskDefinition({ taskDefinition })),
    queues: sim.sqs.getQueueAttributes({ QueueUrl: sim.sqs.getQueueUrl({ QueueName: 'jobs' }).QueueUrl, AttributeNames: ['All'] }),
    alarms: sim.cloudWatch.describeAlarms(),
    events: sim.control.events().length,
    now: sim.control.now,
  });
}
