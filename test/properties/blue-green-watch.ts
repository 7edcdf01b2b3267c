import type { EcsSimulator } from '../../core/index.js';
import type { Op } from './chaos-ops.js';
import { at, type Look, type Watch } from './look.js';

/** CodeDeploy's answer while a deployment of the service runs. */
const IN_PROGRESS = 'A deployment is already in progress for this service.';

/**
 * CodeDeploy blue/green: a deployment is refused as already in progress only while a deployment of that
 * service (the one that exists now, not an earlier one of the same name) is in progress.
 */
export class BlueGreenWatch implements Watch {
  private seen = 0;

  constructor(private readonly sim: EcsSimulator) {}

  check(look: Look, op: Op | undefined): string[] {
    if (op?.op !== 'blueGreenDeploy') return [];
    const found: string[] = [];
    for (const attempt of look.state.deployments.slice(this.seen)) {
      if (attempt.refusal !== IN_PROGRESS) continue;
      const inProgress = look.state.deployments.filter(
        (d) => d.service === attempt.service && d.deploymentId && this.sim.codeDeploy.getDeployment({ deploymentId: d.deploymentId }).status === 'InProgress',
      );
      if (inProgress.some((d) => d.incarnation === attempt.incarnation)) continue;
      const why = inProgress.length > 0 ? 'while a deployment of the service deleted before it is still in progress' : 'while none of its deployments is in progress';
      found.push(`${at(look)}: CodeDeploy refused a deployment of ${attempt.service} as "${IN_PROGRESS}" ${why}`);
    }
    this.seen = look.state.deployments.length;
    return found;
  }
}
