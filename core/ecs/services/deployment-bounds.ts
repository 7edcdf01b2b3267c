/**
 * The two numbers a rolling update lives between (Developer Guide, deploymentConfiguration):
 * at most floor(desired x maximumPercent / 100) tasks PENDING or RUNNING, and at least
 * ceil(desired x minimumHealthyPercent / 100) healthy.
 */
export interface DeploymentBounds {
  upper: number;
  lower: number;
}

export function deploymentBounds(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): DeploymentBounds {
  // Integer arithmetic first: 3 x 125 / 100 must be exactly 3.75, never 3.7499999.
  return {
    upper: Math.floor((desiredCount * maximumPercent) / 100),
    lower: Math.ceil((desiredCount * minimumHealthyPercent) / 100),
  };
}
