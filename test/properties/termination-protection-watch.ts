import type { SimEvent } from '../../core/index.js';
import { ASG_PROVIDER } from './chaos-ops.js';
import type { Watch } from './look.js';

/**
 * Managed termination protection: the Auto Scaling group behind the capacity provider (on-demand, so
 * never reclaimed like a Spot Instance) never has an instance terminated under a task it placed there.
 */
export class TerminationProtectionWatch implements Watch {
  private readonly found: string[] = [];

  onEvent(event: SimEvent): void {
    if (event.kind !== 'eventbridge' || event.event['detail-type'] !== 'ECS Task State Change') return;
    const detail = event.event.detail as { taskArn: string; lastStatus: string; stopCode?: string; capacityProviderName?: string; stoppedReason?: string };
    if (detail.lastStatus === 'STOPPED' && detail.stopCode === 'TerminationNotice' && detail.capacityProviderName === ASG_PROVIDER) {
      this.found.push(`t=${event.time / 1000}s: task ${detail.taskArn} of ${ASG_PROVIDER} stopped (${String(detail.stoppedReason)}): the Auto Scaling group terminated its instance under it, with managed termination protection on`);
    }
  }

  check(): string[] {
    return this.found.splice(0);
  }
}
