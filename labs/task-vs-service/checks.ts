import type { CreateServiceRequest, RunTaskRequest } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { duration, shortName, tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Task or service?": the learner's RunTask and CreateService requests are sent at the same moment, then
 * the lab watches: the report job finishes after a minute, and a web task is stopped after five.
 */

const RUN_TASK_FILE = 'run-task.json';
const SERVICE_FILE = 'service.json';
const WEB_TASKS = 3;
const STOP_AFTER_SECONDS = 5 * 60;
const BACK_WITHIN_SECONDS = 2 * 60;
const WATCH_SECONDS = 20 * 60;
const REPORT_SECONDS = 60;

interface Run {
  reportStarts: number;
  reportExitCodes: number[];
  webRunningBeforeStop: number;
  webRunningAfterStop: number;
  webOwner: string;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.control.registerImage('ecs-lab/report:1', { crashAfterSeconds: REPORT_SECONDS, exitCode: 0 });
  for (const [family, cpu, memory] of [['web', '512', '1024'], ['report', '256', '512']]) {
    sim.registerTaskDefinition({ family, cpu, memory, containerDefinitions: [{ name: family, image: `ecs-lab/${family}:1`, essential: true }] });
  }
  const ran = sendRequest(files, RUN_TASK_FILE, 'RunTask', (request: RunTaskRequest) => sim.runTask(request));
  if (!ran.ok) return ran;
  const created = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!created.ok) return created;

  const runningWeb = () => sim.listTasks({ family: 'web', desiredStatus: 'RUNNING' }).taskArns;
  sim.control.advance(STOP_AFTER_SECONDS);
  const before = runningWeb();
  if (before.length > 0) sim.stopTask({ task: before[0], reason: 'Stopped by the lab: does anyone replace it?' });
  sim.control.advance(BACK_WITHIN_SECONDS);
  const after = runningWeb().length;
  sim.control.advance(WATCH_SECONDS - STOP_AFTER_SECONDS - BACK_WITHIN_SECONDS);

  const reports = findTasks(sim, { family: 'report' });
  const service = created.value.service;
  return {
    ok: true,
    run: {
      reportStarts: reports.length,
      reportExitCodes: reports.flatMap((t) => t.containers.map((c) => c.exitCode).filter((code): code is number => code !== undefined)),
      webRunningBeforeStop: before.length,
      webRunningAfterStop: after,
      webOwner: ran.value.tasks.some((t) => t.taskDefinitionArn.includes('/web:')) ? 'RunTask' : `the service ${service.serviceName}`,
    },
    observed: `ECS accepted both: RunTask started ${tasks(ran.value.tasks.length)} of ${ran.value.tasks[0] ? shortName(ran.value.tasks[0].taskDefinitionArn) : '(nothing)'}, and the service ${service.serviceName} wants ${tasks(service.desiredCount)}.`,
  };
}

const jobOnce: Check<Run> = {
  id: 'job-once',
  title: `the report job runs exactly once in ${duration(WATCH_SECONDS)}, and finishes (exit code 0)`,
  hint: 'What starts a task again after it has finished its work? The report needs to run once, not for ever.',
  verify({ reportStarts, reportExitCodes }) {
    if (reportStarts === 1 && reportExitCodes[0] === 0) return { passed: true, observed: 'One task of report ran, finished with exit code 0 and stayed stopped.' };
    if (reportStarts === 0) return { passed: false, observed: 'No task of report ran at all.' };
    return {
      passed: false,
      observed: `${tasks(reportStarts)} of report started in ${duration(WATCH_SECONDS)}: the report was produced ${reportStarts} times.`,
    };
  },
};

const webStaysUp: Check<Run> = {
  id: 'web-stays-up',
  title: `${WEB_TASKS} tasks of web run, and ${WEB_TASKS} run again within ${duration(BACK_WITHIN_SECONDS)} after one is stopped`,
  hint: 'Which of RunTask and a service starts a replacement when a task stops?',
  verify({ webRunningBeforeStop, webRunningAfterStop, webOwner }) {
    const observed = `${tasks(webRunningBeforeStop)} of web ran (started by ${webOwner}); ${duration(BACK_WITHIN_SECONDS)} after the lab stopped one, ${webRunningAfterStop} ran.`;
    return { passed: webRunningBeforeStop === WEB_TASKS && webRunningAfterStop === WEB_TASKS, observed };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests',
    title: `${RUN_TASK_FILE} is a RunTask request and ${SERVICE_FILE} a CreateService request ECS accepts`,
    hint: 'ECS\'s message names the field it does not know and suggests the closest one. RunTask says count, CreateService says desiredCount.',
  },
  prepare,
  checks: [jobOnce, webStaysUp],
};
export default lab;
