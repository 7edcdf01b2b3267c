import { invalidParameter } from '../../kernel/errors.js';
import { optionalArray, optionalEnum, optionalInteger, requireObject, requireString } from '../../kernel/fields.js';
import type { DeploymentConfiguration, DeploymentLifecycleHook, DeploymentStrategy, HookStage } from '../model/types.js';

/**
 * The members of `deploymentConfiguration` that choose how ECS moves a service to a new revision
 * (ECS API Reference: DeploymentConfiguration, LinearConfiguration, CanaryConfiguration,
 * DeploymentLifecycleHook). Absent members stay absent, so a ROLLING service describes as it always did;
 * a LINEAR or CANARY service shows its step settings with ECS's defaults filled in.
 */
export const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
export const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;
/** A PAUSE hook waits for a person; ECS allows it only where no traffic is moving. */
const NO_PAUSE_AT: readonly HookStage[] = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
const FIELD = 'deploymentConfiguration';

type StrategyMembers = Pick<DeploymentConfiguration, 'strategy' | 'bakeTimeInMinutes' | 'linearConfiguration' | 'canaryConfiguration' | 'lifecycleHooks'>;

/** The strategy members of a request, over what the service had (`base`): a member the request names replaces it. */
export function validateDeploymentStrategy(raw: Record<string, unknown>, base: StrategyMembers): StrategyMembers {
  const strategy = optionalEnum(raw.strategy, `${FIELD}.strategy`, STRATEGIES) ?? base.strategy;
  const bakeTimeInMinutes = optionalInteger(raw.bakeTimeInMinutes, `${FIELD}.bakeTimeInMinutes`, { min: 0, max: 1440 }) ?? base.bakeTimeInMinutes;
  if (strategy === 'BLUE_GREEN' && bakeTimeInMinutes === undefined) {
    throw invalidParameter(`${FIELD}.bakeTimeInMinutes is required with the BLUE_GREEN deployment strategy.`, `${FIELD}.bakeTimeInMinutes`);
  }
  const out: StrategyMembers = {
    ...(strategy !== undefined ? { strategy } : {}),
    ...(bakeTimeInMinutes !== undefined ? { bakeTimeInMinutes } : {}),
  };
  const linear = onlyWith(raw.linearConfiguration, 'linearConfiguration', 'LINEAR', strategy);
  if (strategy === 'LINEAR') {
    out.linearConfiguration = {
      stepPercent: percent(linear?.stepPercent, `${FIELD}.linearConfiguration.stepPercent`, 3) ?? base.linearConfiguration?.stepPercent ?? 10,
      stepBakeTimeInMinutes: bake(linear?.stepBakeTimeInMinutes, 'linearConfiguration.stepBakeTimeInMinutes') ?? base.linearConfiguration?.stepBakeTimeInMinutes ?? 6,
    };
  }
  const canary = onlyWith(raw.canaryConfiguration, 'canaryConfiguration', 'CANARY', strategy);
  if (strategy === 'CANARY') {
    out.canaryConfiguration = {
      canaryPercent: percent(canary?.canaryPercent, `${FIELD}.canaryConfiguration.canaryPercent`, 0.1) ?? base.canaryConfiguration?.canaryPercent ?? 5,
      canaryBakeTimeInMinutes: bake(canary?.canaryBakeTimeInMinutes, 'canaryConfiguration.canaryBakeTimeInMinutes') ?? base.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10,
    };
  }
  const hooks = raw.lifecycleHooks === undefined ? base.lifecycleHooks : validateHooks(raw.lifecycleHooks);
  if (hooks && hooks.length > 0) {
    if (strategy === undefined || strategy === 'ROLLING') {
      throw invalidParameter(`${FIELD}.lifecycleHooks need the BLUE_GREEN, LINEAR or CANARY deployment strategy.`, `${FIELD}.lifecycleHooks`);
    }
    out.lifecycleHooks = hooks;
  }
  return out;
}

/** linearConfiguration and canaryConfiguration are each valid only with their own strategy. */
function onlyWith(value: unknown, member: string, wanted: DeploymentStrategy, strategy: DeploymentStrategy | undefined) {
  if (value === undefined) return undefined;
  if (strategy !== wanted) {
    throw invalidParameter(`${FIELD}.${member} is only valid with the ${wanted} deployment strategy (the strategy is ${strategy ?? 'ROLLING'}).`, `${FIELD}.${member}`);
  }
  return requireObject(value, `${FIELD}.${member}`);
}

/** A percentage in tenths, from `min` to 100.0. */
function percent(value: unknown, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParameter(`${field} must be a number.`, field);
  if (value < min || value > 100) throw invalidParameter(`${field} must be between ${min.toFixed(1)} and 100.0 (got ${value}).`, field);
  // Tenths compared as whole numbers: 10.3 * 10 is 103.00000000000001.
  if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) throw invalidParameter(`${field} must be a multiple of 0.1 (got ${value}).`, field);
  return value;
}

const bake = (value: unknown, member: string) => optionalInteger(value, `${FIELD}.${member}`, { min: 0, max: 1440 });

function validateHooks(value: unknown): DeploymentLifecycleHook[] {
  return (optionalArray(value, `${FIELD}.lifecycleHooks`) ?? []).map((item, i) => {
    const at = `${FIELD}.lifecycleHooks[${i}]`;
    const raw = requireObject(item, at);
    const targetType = optionalEnum(raw.targetType, `${at}.targetType`, ['AWS_LAMBDA', 'PAUSE'] as const) ?? 'AWS_LAMBDA';
    const stages = optionalArray(raw.lifecycleStages, `${at}.lifecycleStages`) ?? [];
    if (stages.length === 0) throw invalidParameter(`${at}.lifecycleStages must name at least one lifecycle stage.`, `${at}.lifecycleStages`);
    const lifecycleStages = stages.map((s, j) => optionalEnum(s, `${at}.lifecycleStages[${j}]`, HOOK_STAGES)!);
    const timeout = raw.timeoutConfiguration === undefined ? {} : requireObject(raw.timeoutConfiguration, `${at}.timeoutConfiguration`);
    const timeoutConfiguration = {
      timeoutInMinutes: optionalInteger(timeout.timeoutInMinutes, `${at}.timeoutConfiguration.timeoutInMinutes`, { min: 1, max: 20160 }) ?? 1440,
      action: optionalEnum(timeout.action, `${at}.timeoutConfiguration.action`, ['CONTINUE', 'ROLLBACK'] as const) ?? 'ROLLBACK',
    };
    const hook: DeploymentLifecycleHook = { targetType, lifecycleStages, timeoutConfiguration };
    if (targetType === 'AWS_LAMBDA') {
      hook.hookTargetArn = requireString(raw.hookTargetArn, `${at}.hookTargetArn`);
      if (!/^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/.test(hook.hookTargetArn)) {
        throw invalidParameter(`${at}.hookTargetArn must be a Lambda function ARN (got ${hook.hookTargetArn}).`, `${at}.hookTargetArn`);
      }
      hook.roleArn = requireString(raw.roleArn, `${at}.roleArn`);
    } else {
      const paused = lifecycleStages.find((s) => NO_PAUSE_AT.includes(s));
      if (paused) throw invalidParameter(`${at}: a PAUSE hook cannot run at ${paused}; only AWS_LAMBDA hooks can.`, `${at}.lifecycleStages`);
      if (raw.hookTargetArn !== undefined) throw invalidParameter(`${at}.hookTargetArn is not valid for a PAUSE hook.`, `${at}.hookTargetArn`);
      if (raw.roleArn !== undefined) hook.roleArn = requireString(raw.roleArn, `${at}.roleArn`);
    }
    if (raw.hookDetails !== undefined) hook.hookDetails = structuredClone(raw.hookDetails);
    return hook;
  });
}

/**
 * BLUE_GREEN, LINEAR and CANARY are the ECS controller's, for REPLICA services, and move traffic through
 * each load balancer's advancedConfiguration (a service with no load balancer shifts no traffic).
 */
export function checkStrategyFits(
  strategy: DeploymentStrategy | undefined,
  service: { deploymentController: string; schedulingStrategy: string; loadBalancers: readonly { advancedConfiguration?: unknown }[] },
): void {
  if (strategy === undefined || strategy === 'ROLLING') return;
  if (service.deploymentController !== 'ECS') {
    throw invalidParameter(`The ${strategy} deployment strategy needs the ECS deployment controller (this service has ${service.deploymentController}).`, `${FIELD}.strategy`);
  }
  if (service.schedulingStrategy !== 'REPLICA') {
    throw invalidParameter(`The ${strategy} deployment strategy is supported only for REPLICA services.`, `${FIELD}.strategy`);
  }
  const missing = service.loadBalancers.findIndex((lb) => lb.advancedConfiguration === undefined);
  if (missing >= 0) {
    throw invalidParameter(
      `loadBalancers[${missing}].advancedConfiguration is required with the ${strategy} deployment strategy: name the alternate target group, the production listener rule and the role.`,
      `loadBalancers[${missing}].advancedConfiguration`,
    );
  }
}
