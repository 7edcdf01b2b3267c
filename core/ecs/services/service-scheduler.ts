import type { SimContext } from '../../kernel/context.js';
import type { ServiceRecord, TaskRecord } from '../model/state.js';
import { applyPlan } from './apply-plan.js';
import { planDaemonPass } from './daemon-plan.js';
import { runManagedDaemonPass } from './managed-daemon-scheduler.js';
import { checkDeploymentFailure, countFailures } from './deployment-failures.js';
import { shiftsTraffic, startDeployment } from './deployments.js';
import { planBlueGreenPass } from './blue-green-plan.js';
import type { PassInput } from './pass-input.js';
import { planRollingPass } from './rolling-plan.js';
import type { ServicePlan } from './service-plan.js';
import { planTaskSetPass } from './task-set-plan.js';

/**
 * One scheduler pass over a service. A service with the ECS controller first has its deployment watched
 * (failures counted, the circuit breaker or an alarm may fail it and roll back: Nomad's deployment watcher);
 * then the service's decider plans the pass and the one applier carries the plan out. `later` asks for
 * another pass at a given virtual time.
 */
export function runServicePass(ctx: SimContext, service: ServiceRecord, later: (atMs: number) => void): void {
  service.passScheduled = false;
  if (service.managedDaemon) return runManagedDaemonPass(ctx, service, later);
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const { known, tasks } = serviceTasks(service);
  if (service.status === 'DRAINING' && tasks.length === 0) service.status = 'INACTIVE';
  if (service.status !== 'ACTIVE') return;
  if (service.deploymentController === 'ECS') watchDeployment(ctx, service, known);
  const plan = deciderOf(service)({ service, tasks, instances: cluster.instances, now: ctx.clock.now, lambdaAnswers: ctx.state.lambdaAnswers });
  applyPlan(ctx, cluster, service, plan, later);
}

/** Each way of running a service's tasks is a decider; a new deployment strategy is one more here. */
function deciderOf(service: ServiceRecord): (input: PassInput) => ServicePlan {
  if (service.deploymentController !== 'ECS') return planTaskSetPass;
  if (shiftsTraffic(service)) return planBlueGreenPass;
  return service.schedulingStrategy === 'DAEMON' ? planDaemonPass : planRollingPass;
}

function watchDeployment(ctx: SimContext, service: ServiceRecord, known: TaskRecord[]): void {
  countFailures(ctx, service, known);
  const rollback = checkDeploymentFailure(ctx, service);
  // A blue/green deployment rolls back by moving traffic back to blue, which is still running (blue-green-plan.ts).
  if (rollback && !service.deployments[0].blueGreen) startDeployment(ctx, service, rollback);
}

/** Every task the service started that is still known (stopped ones are kept an hour), and those not STOPPED. */
function serviceTasks(service: ServiceRecord): { known: TaskRecord[]; tasks: TaskRecord[] } {
  const known = [...service.tasks.values()];
  return { known, tasks: known.filter((t) => t.lastStatus !== 'STOPPED') };
}
