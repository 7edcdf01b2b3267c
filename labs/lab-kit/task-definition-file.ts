import type { EcsSimulator, RegisterTaskDefinitionRequest, TaskDefinition } from '../../core/index.js';
import type { LearnerFiles } from './check-types.js';
import { fieldProblem, sendRequest, type Sent } from './ecs-request.js';

/**
 * Registers the learner's task definition from `file`. The lab's service runs one family, so another family
 * is refused, pointing at the field; ECS's own refusals come back as sendRequest words them.
 */
export function registerTaskDefinitionFile(files: LearnerFiles, file: string, sim: EcsSimulator, family: string): Sent<TaskDefinition> {
  const sent = sendRequest(files, file, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
  if (!sent.ok) return sent;
  const { taskDefinition } = sent.value;
  if (taskDefinition.family !== family) {
    return { ok: false, problem: fieldProblem(sent.source, 'family', `family is "${taskDefinition.family}"; this lab's service runs the family "${family}".`) };
  }
  return { ok: true, value: taskDefinition, source: sent.source };
}
