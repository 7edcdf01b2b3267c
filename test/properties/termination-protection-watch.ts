import type { SimEvent } from '../../core/index.js';
import { ASG_PROVIDER } from './chaos-ops.js';
import type { ChaosState } from './chaos-state.js';
import type { Watch } from './look.js';

/**
 * Managed termination protection: the Auto Scaling group behind the capacity provider (on-demand, so
 * never reclaimed like a Spot Instance) never has an instance terminated under a task it placed there,
 * daemon tasks apart (ECS ignores them: every instance runs them).
 */
export class TerminationProtectionWatch implements Watch {
  private readonly found: string[] = [];

  constructor(private readonly state: ChaosState) {}

  onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge' || event.event['detail-type'] !== 'ECS Task State Change') return;
    const detail = event.event.detail as { taskArn: string; lastStatus: string; stopCode?: string; capacityProviderName?: string; stoppedReason?: string; group: string };
    const daemon = detail.group.startsWith('service:') && this.state.intents.get(detail.group.slice('service:'.length))?.daemon === true;
    if (detail.lastStatus === 'STOPPED' && detail.stopCode === 'TerminationNotice' && detail.capacityProviderName === ASG_PROVIDER && !daemon) {
      this.found.push(`t=${event.time / 1000}s: task ${detail.taskArn} of ${ASG_PROVIDER} stopped (${String(detail.stoppedReason)}): the Auto Scaling group terminated its instance under it, with managed termination protection on`);
    }
  }

  check(): string[] {
    return this.found.splice(0);
  }
}
