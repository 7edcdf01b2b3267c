import type { EcsSimulator, RegisterTaskDefinitionRequest, Service, TaskDefinition } from '../../core/index.js';
import type { InputProblem } from '../lab-kit/check-types.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { shortName } from '../lab-kit/words.js';
import { locate, sendEntry, waitFor, type Judged, type ShopFiles } from './shop-files.js';
import { APPS, buildShop, SHOP, type App, type ShopArns } from './situation.js';

/**
 * The learner's shop in a fresh account: their task definitions registered, then their services created and
 * left to settle. Parts 2 to 5 each start from it; part 1 judges the task definitions on their own.
 */
export type ByApp<T> = Record<App, T>;

/** Registers the three task definitions of task-definitions.json, each as a family of its own, for Fargate. */
export function registerTaskDefinitions(sim: EcsSimulator, files: ShopFiles): Judged<ByApp<TaskDefinition>> {
  const source = files.taskDefinitions;
  const registered = {} as ByApp<TaskDefinition>;
  for (const app of APPS) {
    const sent = sendEntry(source, app, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
    if (!sent.ok) return sent;
    const { taskDefinition } = sent.value;
    if (taskDefinition.family !== app) {
      return refused(source.file, app, `family is "${taskDefinition.family}"; the ${app} service runs the family "${app}".`, locate(source, app, 'family'));
    }
    if (!taskDefinition.compatibilities.includes('FARGATE')) {
      return refused(source.file, app, `registers, but not for Fargate (compatibilities: ${taskDefinition.compatibilities.join(', ')}); the shop's cluster has only Fargate capacity.`, locate(source, app, 'requiresCompatibilities'));
    }
    registered[app] = taskDefinition;
  }
  return { ok: true, value: registered };
}

/** Creates orders, worker, then web from services.json, with the names, revisions and sizes the lab fixes. */
export function createServices(sim: EcsSimulator, files: ShopFiles): Judged<ByApp<Service>> {
  const source = files.services;
  const created = {} as ByApp<Service>;
  for (const app of ['orders', 'worker', 'web'] as const) {
    const sent = sendEntry(source, app, 'CreateService', (request: never) => sim.createService(request));
    if (!sent.ok) return sent;
    const { service } = sent.value;
    const cluster = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
    const fixed: Array<[string, string, boolean]> = [
      ['cluster', `is "${cluster}"; the shop runs in the cluster "${SHOP.cluster}".`, cluster === SHOP.cluster],
      ['serviceName', `is "${service.serviceName}"; this entry is the service "${app}".`, service.serviceName === app],
      ['taskDefinition', `is ${shortName(service.taskDefinition ?? '(none)')}; the service starts on ${app}:1.`, shortName(service.taskDefinition ?? '') === `${app}:1`],
      ['desiredCount', `is ${service.desiredCount}; ${app} runs ${SHOP.desiredCount[app]} tasks (scaling, in part 4, changes it later).`, service.desiredCount === SHOP.desiredCount[app]],
    ];
    const wrong = fixed.find(([, , right]) => !right);
    if (wrong) return refused(source.file, app, `${wrong[0]} ${wrong[1]}`, locate(source, app, wrong[0]));
    created[app] = service;
  }
  return { ok: true, value: created };
}

function refused(file: string, app: string, message: string, location: ReturnType<typeof locate>): Judged<never> {
  return { ok: false, problem: { message: `${file}, ${app}: ${message}`, location } };
}

/** The shop as parts 2 to 5 find it: its services created and, as far as they can, settled. */
export interface LaunchedShop {
  sim: EcsSimulator;
  arns: ShopArns;
  taskDefinitions: ByApp<TaskDefinition>;
  services: ByApp<Service>;
  /** Whether each service reached a steady state within SETTLE_SECONDS. */
  steady: ByApp<boolean>;
}

/** Long enough for any service that can settle to do so. */
export const SETTLE_SECONDS = 10 * 60;

/** The launch, or the stage whose file ECS refused. */
export type Launch = { ok: true; value: LaunchedShop } | { ok: false; stage: 'task definitions' | 'services'; problem: InputProblem };

export function launchShop(files: ShopFiles): Launch {
  const { sim, arns } = buildShop();
  const taskDefinitions = registerTaskDefinitions(sim, files);
  if (!taskDefinitions.ok) return { ok: false, stage: 'task definitions', problem: taskDefinitions.problem };
  const services = createServices(sim, files);
  if (!services.ok) return { ok: false, stage: 'services', problem: services.problem };
  const started = sim.control.now;
  const steady = {} as ByApp<boolean>;
  for (const app of APPS) steady[app] = sim.control.runUntilSteady({ cluster: SHOP.cluster, service: app, maxSeconds: Math.max(1, started + SETTLE_SECONDS - sim.control.now) });
  return { ok: true, value: { sim, arns, taskDefinitions: taskDefinitions.value, services: services.value, steady } };
}

/**
 * The launch as a later part sees it: the shop, or which earlier part must be done first. Scaling and
 * deploying (parts 4 and 5) judge a shop that runs: every service settled.
 */
export function launchedFor(launch: Launch, needsSettled = false): Judged<LaunchedShop> {
  if (!launch.ok) return waitFor(launch.stage === 'task definitions' ? 'ECS registers the task definitions (part 1)' : 'ECS accepts the services (part 2)', launch.problem);
  const unsettled = APPS.filter((app) => !launch.value.steady[app]);
  if (needsSettled && unsettled.length > 0) return waitFor(`every service of the shop reaches a steady state (part 2): ${unsettled.join(' and ')} did not`);
  return launch;
}

/** Why each stopped task of a service stopped, oldest first: the stopped reason, then its containers' reasons. */
export function stopReasons(sim: EcsSimulator, app: App): string[] {
  return findTasks(sim, { cluster: SHOP.cluster, serviceName: app })
    .filter((task) => task.lastStatus === 'STOPPED')
    .map((task) => [task.stoppedReason, ...task.containers.map((c) => c.reason).filter(Boolean)].join(': '));
}
