/**
 * Called by the lab with the simulated ECS and the container instance to take out for maintenance.
 * Return once the instance can be stopped: it runs no task and will be given none.
 * `sim.control.advance(seconds)` and `sim.control.runUntil(condition, maxSeconds)` let time pass.
 */
export default function prepareForMaintenance(sim: EcsSimulator, containerInstanceArn: string): void {
  sim.updateContainerInstancesState({ containerInstances: [containerInstanceArn], status: 'DRAINING' });
}
