import type { Service } from '../../core/index.js';
import type { InputProblem } from './check-types.js';
import { fieldProblem, type RequestFile } from './ecs-request.js';
import { shortName } from './words.js';

/** What a lab fixes about the learner's service, so that every learner's service meets the same situation. */
export interface FixedServiceFields {
  serviceName: string;
  /** `web:1`: the revision the service starts on. */
  taskDefinition: string;
  /** Left out for a DAEMON service, which has no desired count of its own. */
  desiredCount?: number;
}

/** The first field of the service that differs from what the lab fixes, worded for the learner; none: undefined. */
export function serviceFieldProblem(source: RequestFile, service: Service, fixed: FixedServiceFields): InputProblem | undefined {
  if (service.serviceName !== fixed.serviceName) {
    return fieldProblem(source, 'serviceName', `serviceName is "${service.serviceName}"; this lab's service is "${fixed.serviceName}".`);
  }
  const taskDefinition = shortName(service.taskDefinition ?? '(none)');
  if (taskDefinition !== fixed.taskDefinition) {
    return fieldProblem(source, 'taskDefinition', `taskDefinition is ${taskDefinition}; the service starts on ${fixed.taskDefinition}.`);
  }
  if (fixed.desiredCount !== undefined && service.desiredCount !== fixed.desiredCount) {
    return fieldProblem(source, 'desiredCount', `desiredCount is ${service.desiredCount}; this lab's service runs ${fixed.desiredCount} tasks.`);
  }
  return undefined;
}
