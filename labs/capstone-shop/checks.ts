import type { LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { runUnderFault } from './fault-run.js';
import { badReleaseRollsBack, deploymentAccepted, goodReleaseIsSafe, runDeployment } from './part-deployment.js';
import { customersServed, customersSurviveZoneLoss, onlyWebIsPublic } from './part-load-balancing.js';
import { servicesSettle, survivesZoneLoss, tasksInPrivateSubnets, webFindsOrders } from './part-networking.js';
import { backToNormal, runScaling, scalingAccepted, webKeepsUp, workerTakesTheRush } from './part-scaling.js';
import { runTaskDefinitions, taskDefinitionsRegister, taskDefinitionsStayUp, workerTakesOrders } from './part-task-definitions.js';
import { FILES, readShopFiles } from './shop-files.js';
import type { PartRuns } from './shop-run.js';

/**
 * The capstone: one shop (web, orders and a worker) carried from its task definitions to a safe deployment,
 * graded in parts (lab.json's `parts` says which checks make each part and what it is worth). Each part runs
 * the learner's shop in a fresh simulator of its own; a part whose files ECS refuses, or that needs an earlier
 * part ECS refused, fails its checks and says which.
 */
function prepare(files: LearnerFiles): Prepared<PartRuns> {
  const read = readShopFiles(files);
  if (!read.ok) return read;
  const shop = read.value;
  return {
    ok: true,
    run: { taskDefinitions: runTaskDefinitions(shop), fault: runUnderFault(shop), scaling: runScaling(shop), deployment: runDeployment(shop) },
    observed: `The four files hold the requests the lab reads: ${Object.values(FILES).join(', ')}.`,
  };
}

const lab: LabChecks<PartRuns> = {
  input: {
    id: 'files',
    title: `${Object.values(FILES).join(', ')} are JSON files holding the requests each part reads`,
    hint: 'The message points at the slip. task-definitions.json and services.json hold one request per application ({ "web": {...}, "orders": {...}, "worker": {...} }); scaling.json two lists; deployment.json one UpdateService request.',
  },
  prepare,
  checks: [
    taskDefinitionsRegister,
    taskDefinitionsStayUp,
    workerTakesOrders,
    servicesSettle,
    tasksInPrivateSubnets,
    webFindsOrders,
    survivesZoneLoss,
    customersServed,
    onlyWebIsPublic,
    customersSurviveZoneLoss,
    scalingAccepted,
    webKeepsUp,
    workerTakesTheRush,
    backToNormal,
    deploymentAccepted,
    goodReleaseIsSafe,
    badReleaseRollsBack,
  ],
};
export default lab;
