import { createSimulator } from '../../../core/index.js';
import type { BenchCase } from '../bench-case.js';

const DAY = 86_400;
const SERVICES = 50;
const TASKS_PER_SERVICE = 10;
const INTERRUPTIONS = 20;

/**
 * (b) One simulated day of a 50-service, 500-task cluster (half the services with container health checks
 * every 30 s) on 40 m5.xlarge instances, half of them Spot with instance draining; 20 Spot interruptions
 * spread over the day, each followed by a replacement Spot Instance, as an Auto Scaling group would launch.
 * Every service has Application Auto Scaling target tracking on its CPU (50 %, 5 to 15 tasks), so the
 * one-minute metrics and the scaling decisions run all day too.
 */
export const spotDay: BenchCase = {
  id: 'b',
  title: 'one day: 50 services, 500 tasks, 20 Spot interruptions',
  run(progress) {
    const sim = createSimulator({ seed: 7 });
    sim.createCluster({ clusterName: 'day' });
    sim.control.addInstances({ cluster: 'day', instanceType: 'm5.xlarge', count: 20 });
    const spot = () => sim.control.addInstances({ cluster: 'day', instanceType: 'm5.xlarge', count: 1, lifecycle: 'spot', spotInstanceDraining: true }).containerInstanceArns;
    const spotInstances = Array.from({ length: 20 }, spot).flat();
    for (let s = 0; s < SERVICES; s++) {
      sim.registerTaskDefinition({
        family: `svc${s}`,
        containerDefinitions: [
          {
            name: 'app',
            image: `app${s}:1`,
            cpu: 256,
            memory: 512,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
            ...(s % 2 === 0 ? { healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 30 } } : {}),
          },
        ],
      });
      sim.createService({ cluster: 'day', serviceName: `svc${s}`, taskDefinition: `svc${s}`, desiredCount: TASKS_PER_SERVICE });
      const scalable = { ServiceNamespace: 'ecs', ResourceId: `service/day/svc${s}`, ScalableDimension: 'ecs:service:DesiredCount' } as const;
      sim.applicationAutoScaling.registerScalableTarget({ ...scalable, MinCapacity: 5, MaxCapacity: 15 });
      sim.applicationAutoScaling.putScalingPolicy({
        ...scalable,
        PolicyName: `svc${s}-cpu`,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
      });
    }
    const every = DAY / (INTERRUPTIONS + 1);
    for (let i = 0; i < INTERRUPTIONS; i++) {
      sim.control.advance(every);
      progress(`t=${Math.round(sim.control.now)}s, interruption ${i + 1}/${INTERRUPTIONS}`);
      sim.control.interruptSpotInstance({ cluster: 'day', instance: spotInstances[i] });
      spotInstances.push(...spot());
    }
    sim.control.advance(DAY - sim.control.now);
    const running = sim.describeClusters({ clusters: ['day'] }).clusters[0].runningTasksCount;
    const activities = Array.from({ length: SERVICES }, (_, s) =>
      sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', ResourceId: `service/day/svc${s}` }).ScalingActivities.length,
    );
    return {
      simulatedSeconds: DAY,
      figures: {
        runningTasksAtEnd: running,
        events: sim.control.events().length,
        scalingActivities: activities.reduce((sum, n) => sum + n, 0),
      },
    };
  },
};
