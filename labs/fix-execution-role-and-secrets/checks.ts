import type { EcsSimulator, RegisterTaskDefinitionRequest, TaskDefinition } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fieldProblem, sendRequest } from '../lab-kit/ecs-request.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { duration } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Fix the execution role and the secrets": the learner's inline policy goes on the execution role, their
 * task definition is registered, and the lab runs the service api on Fargate. Then a task of another team's
 * family, billing, run with the same execution role, tries to read that team's secret.
 */

const POLICY_FILE = 'execution-role-policy.json';
const TASK_DEFINITION_FILE = 'task-definition.json';
const ROLE_NAME = 'ecsTaskExecutionRole';
const ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE_NAME}`;
const WATCH_SECONDS = 3 * 60;
const SUBNETS = ['subnet-0a1b', 'subnet-1c2d'];

interface Run {
  /** What became of the service's tasks: running ones, and the last reason a task stopped. */
  running: number;
  lastStoppedReason?: string;
  /** How the registered container gets DB_PASSWORD. */
  passwordSecret?: string;
  passwordInEnvironment: boolean;
  dbPasswordArn: string;
  /** What became of the billing task: running, or why it stopped. */
  billingOutcome: { running: boolean; reason?: string };
  paymentsKeyArn: string;
}

interface Secrets {
  dbPassword: string;
  paymentsKey: string;
}

/** The account as the lab finds it. The secrets are made first, so their ARNs (random suffix) stay as the README prints them. */
function situation(): { sim: EcsSimulator; secrets: Secrets } {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  const secrets = {
    dbPassword: sim.secretsManager.createSecret({ Name: 'db-password', SecretString: 's3cr3t' }).ARN,
    paymentsKey: sim.secretsManager.createSecret({ Name: 'payments-api-key', SecretString: 'pk-live-0042' }).ARN,
  };
  sim.iam.createRole({ RoleName: ROLE_NAME });
  sim.iam.attachRolePolicy({ RoleName: ROLE_NAME, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  return { sim, secrets };
}

const fargate = { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } } } as const;

/** The other team's task: it reads payments-api-key with the same execution role. */
function runBilling(sim: EcsSimulator, paymentsKeyArn: string): Run['billingOutcome'] {
  sim.registerTaskDefinition({
    family: 'billing',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: ROLE_ARN,
    containerDefinitions: [{ name: 'billing', image: 'ecs-lab/billing:1', essential: true, secrets: [{ name: 'PAYMENTS_KEY', valueFrom: paymentsKeyArn }] }],
  });
  const [task] = sim.runTask({ taskDefinition: 'billing', ...fargate }).tasks;
  sim.control.advance(WATCH_SECONDS);
  const [after] = sim.describeTasks({ tasks: [task.taskArn] }).tasks;
  return after.lastStatus === 'RUNNING' ? { running: true } : { running: false, reason: after.stoppedReason };
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const { sim, secrets } = situation();
  const policy = sendRequest(files, POLICY_FILE, 'PutRolePolicy', (request: never) => sim.iam.putRolePolicy(request));
  if (!policy.ok) return policy;
  const registered = sendRequest(files, TASK_DEFINITION_FILE, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
  if (!registered.ok) return registered;
  const { taskDefinition } = registered.value;
  if (taskDefinition.family !== 'api') {
    return { ok: false, problem: fieldProblem(registered.source, 'family', `family is "${taskDefinition.family}"; this lab's service runs the family "api".`) };
  }
  if (taskDefinition.executionRoleArn !== ROLE_ARN) {
    return {
      ok: false,
      problem: fieldProblem(registered.source, 'executionRoleArn', `executionRoleArn is ${taskDefinition.executionRoleArn ?? 'missing'}; the agent fetches secrets with the role ${ROLE_ARN}.`),
    };
  }

  sim.createService({ serviceName: 'api', taskDefinition: 'api', desiredCount: 1, ...fargate });
  sim.control.advance(WATCH_SECONDS);
  const tasks = findTasks(sim, { serviceName: 'api' });
  const stopped = tasks.filter((t) => t.lastStatus === 'STOPPED').sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
  return {
    ok: true,
    run: {
      running: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
      lastStoppedReason: stopped[0]?.stoppedReason,
      ...passwordSource(taskDefinition),
      dbPasswordArn: secrets.dbPassword,
      billingOutcome: runBilling(sim, secrets.paymentsKey),
      paymentsKeyArn: secrets.paymentsKey,
    },
    observed: `IAM put the policy ${String((policy.source.request as { PolicyName?: unknown }).PolicyName)} on ${ROLE_NAME}, and ECS registered api:${taskDefinition.revision} with that execution role.`,
  };
}

function passwordSource(taskDefinition: TaskDefinition): Pick<Run, 'passwordSecret' | 'passwordInEnvironment'> {
  const containers = taskDefinition.containerDefinitions;
  return {
    passwordSecret: containers.flatMap((c) => c.secrets ?? []).find((s) => s.name === 'DB_PASSWORD')?.valueFrom,
    passwordInEnvironment: containers.some((c) => (c.environment ?? []).some((e) => e.name === 'DB_PASSWORD')),
  };
}

const taskStarts: Check<Run> = {
  id: 'task-starts',
  title: `the service api has its task RUNNING within ${duration(WATCH_SECONDS)}: the agent fetches its secrets`,
  hint: 'Read the stopped reason to the end: which action was refused, or which resource was not found? The resource named in it is the ARN your task definition asked for.',
  verify({ running, lastStoppedReason }) {
    if (running > 0) return { passed: true, observed: `The task of api is RUNNING${lastStoppedReason ? ' (after earlier attempts stopped)' : ''}.` };
    return { passed: false, observed: `No task of api is running after ${duration(WATCH_SECONDS)}. The last one stopped: ${lastStoppedReason ?? '(no task stopped)'}` };
  },
};

const passwordFromSecret: Check<Run> = {
  id: 'password-from-secret',
  title: 'the container gets DB_PASSWORD from the Secrets Manager secret db-password, never as plain text in the task definition',
  hint: 'Anyone who may describe the task definition reads its environment. A secrets entry names where the value lives (valueFrom), and the agent fetches it when the task starts.',
  verify({ passwordSecret, passwordInEnvironment, dbPasswordArn }) {
    if (passwordInEnvironment) return { passed: false, observed: 'DB_PASSWORD is written in the container\'s environment: every reader of the task definition sees the password.' };
    if (passwordSecret === undefined) return { passed: false, observed: 'The container has no secrets entry named DB_PASSWORD.' };
    const fromDbPassword = passwordSecret === dbPasswordArn || passwordSecret.startsWith(`${dbPasswordArn}:`);
    return {
      passed: fromDbPassword,
      observed: fromDbPassword ? `DB_PASSWORD comes from ${passwordSecret}.` : `DB_PASSWORD comes from ${passwordSecret}, not from the secret db-password (${dbPasswordArn}).`,
    };
  },
};

const leastPrivilege: Check<Run> = {
  id: 'least-privilege',
  title: 'the execution role still cannot read other secrets: a task of billing, run with it, is refused payments-api-key',
  hint: 'Resource "*" lets every task that uses this role read every secret in the account. Name the one secret; the random six characters at the end of its ARN can be a wildcard.',
  verify({ billingOutcome, paymentsKeyArn }) {
    if (billingOutcome.running) {
      return { passed: false, observed: `The task of billing started: the execution role read ${paymentsKeyArn}, another team's secret.` };
    }
    const refused = billingOutcome.reason?.includes('AccessDeniedException') ?? false;
    return {
      passed: refused,
      observed: refused ? 'The task of billing was refused payments-api-key (AccessDeniedException).' : `The task of billing stopped for another reason: ${billingOutcome.reason ?? '(none given)'}`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests',
    title: `${POLICY_FILE} is a PutRolePolicy request IAM accepts for ${ROLE_NAME}, and ${TASK_DEFINITION_FILE} a task definition of the family api, run by that role, that ECS registers`,
    hint: 'The message says which field is refused. A policy statement needs Effect, Action and Resource.',
  },
  prepare,
  checks: [taskStarts, passwordFromSecret, leastPrivilege],
};
export default lab;
