import { EcsError } from '../kernel/errors.js';
import { EcsSimulator } from './simulator.js';
import { ECS_OPERATION_NAMES, methodName } from './ecs-operations.js';
import type { SimulatorSnapshot } from '../kernel/journal.js';

type Replay = (sim: EcsSimulator, args: any[]) => unknown;

/** Every ECS operation is journaled under its facade method's name, and replayed through it. */
const ECS_REPLAY: Record<string, Replay> = Object.fromEntries(
  ECS_OPERATION_NAMES.map((operation) => [methodName(operation), (sim: EcsSimulator, [r]: unknown[]) => (sim[methodName(operation)] as (request?: unknown) => unknown)(r)]),
);

/** The calls a snapshot may contain, each replayed through the public API like the original call. */
const REPLAY: Record<string, Replay> = {
  ...ECS_REPLAY,
  'codeDeploy.createDeployment': (sim, [r]) => sim.codeDeploy.createDeployment(r),
  'elbv2.modifyListener': (sim, [r]) => sim.elbv2.modifyListener(r),
  'iam.createRole': (sim, [r]) => sim.iam.createRole(r),
  'iam.putRolePolicy': (sim, [r]) => sim.iam.putRolePolicy(r),
  'iam.attachRolePolicy': (sim, [r]) => sim.iam.attachRolePolicy(r),
  'secretsManager.createSecret': (sim, [r]) => sim.secretsManager.createSecret(r),
  'ssm.putParameter': (sim, [r]) => sim.ssm.putParameter(r),
  'efs.createFileSystem': (sim, [r]) => sim.efs.createFileSystem(r),
  'logs.createLogGroup': (sim, [r]) => sim.logs.createLogGroup(r),
  'logs.deleteLogGroup': (sim, [r]) => sim.logs.deleteLogGroup(r),
  'logs.putRetentionPolicy': (sim, [r]) => sim.logs.putRetentionPolicy(r),
  'eventBridge.putRule': (sim, [r]) => sim.eventBridge.putRule(r),
  'eventBridge.putTargets': (sim, [r]) => sim.eventBridge.putTargets(r),
  'eventBridge.putEvents': (sim, [r]) => sim.eventBridge.putEvents(r),
  'eventBridge.removeTargets': (sim, [r]) => sim.eventBridge.removeTargets(r),
  'eventBridge.deleteRule': (sim, [r]) => sim.eventBridge.deleteRule(r),
  'serviceDiscovery.createPrivateDnsNamespace': (sim, [r]) => sim.serviceDiscovery.createPrivateDnsNamespace(r),
  'serviceDiscovery.createHttpNamespace': (sim, [r]) => sim.serviceDiscovery.createHttpNamespace(r),
  'serviceDiscovery.createPublicDnsNamespace': (sim, [r]) => sim.serviceDiscovery.createPublicDnsNamespace(r),
  'serviceDiscovery.createService': (sim, [r]) => sim.serviceDiscovery.createService(r),
  'applicationAutoScaling.registerScalableTarget': (sim, [r]) => sim.applicationAutoScaling.registerScalableTarget(r),
  'applicationAutoScaling.putScalingPolicy': (sim, [r]) => sim.applicationAutoScaling.putScalingPolicy(r),
  'applicationAutoScaling.putScheduledAction': (sim, [r]) => sim.applicationAutoScaling.putScheduledAction(r),
  'applicationAutoScaling.deleteScalingPolicy': (sim, [r]) => sim.applicationAutoScaling.deleteScalingPolicy(r),
  'applicationAutoScaling.deregisterScalableTarget': (sim, [r]) => sim.applicationAutoScaling.deregisterScalableTarget(r),
  'sqs.createQueue': (sim, [r]) => sim.sqs.createQueue(r),
  'sqs.sendMessage': (sim, [r]) => sim.sqs.sendMessage(r),
  'sqs.receiveMessage': (sim, [r]) => sim.sqs.receiveMessage(r),
  'sqs.deleteMessage': (sim, [r]) => sim.sqs.deleteMessage(r),
  'sqs.setQueueAttributes': (sim, [r]) => sim.sqs.setQueueAttributes(r),
  'cloudWatch.putMetricAlarm': (sim, [r]) => sim.cloudWatch.putMetricAlarm(r),
  'control.produceMessages': (sim, [r]) => sim.control.produceMessages(r),
  'elbv2.createLoadBalancer': (sim, [r]) => sim.elbv2.createLoadBalancer(r),
  'elbv2.createTargetGroup': (sim, [r]) => sim.elbv2.createTargetGroup(r),
  'elbv2.createListener': (sim, [r]) => sim.elbv2.createListener(r),
  'elbv2.modifyTargetGroupAttributes': (sim, [r]) => sim.elbv2.modifyTargetGroupAttributes(r),
  'elbv2.modifyTargetGroup': (sim, [r]) => sim.elbv2.modifyTargetGroup(r),
  'elbv2.deleteTargetGroup': (sim, [r]) => sim.elbv2.deleteTargetGroup(r),
  'elbv2.createRule': (sim, [r]) => sim.elbv2.createRule(r),
  'elbv2.modifyRule': (sim, [r]) => sim.elbv2.modifyRule(r),
  'elbv2.deleteRule': (sim, [r]) => sim.elbv2.deleteRule(r),
  'control.addInstances': (sim, [r]) => sim.control.addInstances(r),
  'control.addExternalInstances': (sim, [r]) => sim.control.addExternalInstances(r),
  'control.disconnectAgent': (sim, [r]) => sim.control.disconnectAgent(r),
  'control.reconnectAgent': (sim, [r]) => sim.control.reconnectAgent(r),
  'control.registerImage': (sim, [image, behaviour]) => sim.control.registerImage(image, behaviour),
  'control.interruptSpotInstance': (sim, [r]) => sim.control.interruptSpotInstance(r),
  'control.replaceManagedInstances': (sim, [r]) => sim.control.replaceManagedInstances(r),
  'control.interruptFargateSpotTasks': (sim, [r]) => sim.control.interruptFargateSpotTasks(r),
  'control.setFargateCapacity': (sim, [r]) => sim.control.setFargateCapacity(r),
  'control.setAlarmState': (sim, [r]) => sim.control.setAlarmState(r),
  'control.setLambdaAnswer': (sim, [r]) => sim.control.setLambdaAnswer(r),
  'control.configureSubnet': (sim, [r]) => sim.control.configureSubnet(r),
  'control.createVpcEndpoint': (sim, [r]) => sim.control.createVpcEndpoint(r),
  'control.startTraffic': (sim, [r]) => sim.control.startTraffic(r),
  'control.stopTraffic': (sim, [r]) => sim.control.stopTraffic(r),
  'control.killTask': (sim, [r]) => sim.control.killTask(r),
  'control.exitContainer': (sim, [r]) => sim.control.exitContainer(r),
  'control.failZone': (sim, [r]) => sim.control.failZone(r),
  'control.failInstance': (sim, [r]) => sim.control.failInstance(r),
  'control.createAutoScalingGroup': (sim, [r]) => sim.control.createAutoScalingGroup(r),
  'control.advanceTo': (sim, [ms]) => sim.control.advanceTo(ms),
};

/** Rebuilds a simulator from a snapshot by replaying its journal from the same seed. */
export function restoreSimulator(snapshot: SimulatorSnapshot): EcsSimulator {
  if (snapshot?.format !== 'ecs-lab-snapshot' || snapshot.version !== 1 || !Array.isArray(snapshot.journal)) {
    throw new EcsError('InvalidParameterException', 'snapshot is not an ecs-lab snapshot (format "ecs-lab-snapshot", version 1).', 'snapshot');
  }
  const sim = new EcsSimulator(snapshot.options ?? {});
  snapshot.journal.forEach((entry, i) => {
    const replay = typeof entry?.call === 'string' && Object.hasOwn(REPLAY, entry.call) ? REPLAY[entry.call] : undefined;
    if (!replay || !Array.isArray(entry.args)) {
      throw new EcsError('InvalidParameterException', `snapshot.journal[${i}] is not a call a snapshot can hold (${JSON.stringify(entry?.call)}).`, `snapshot.journal[${i}]`);
    }
    try {
      replay(sim, entry.args);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new EcsError('InvalidParameterException', `snapshot.journal[${i}] (${entry.call}) failed on replay: ${message}`, `snapshot.journal[${i}]`);
    }
  });
  return sim;
}
