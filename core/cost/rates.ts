/**
 * Illustrative prices, us-east-1, 2026 (ecs-behaviour.md §11): for comparing configurations, not billing.
 * ECS itself is free; you pay for Fargate task size or EC2 instances, and the load balancers.
 */
export const RATES_LABEL = 'illustrative us-east-1 prices, 2026';

export const FARGATE_VCPU_HOUR = 0.04048;
export const FARGATE_GB_HOUR = 0.004445;
/** Fargate Spot: up to 70 % off; the simulator uses exactly 70 %. */
export const FARGATE_SPOT_DISCOUNT = 0.7;
/** EC2 Spot: up to 90 % off on-demand; the simulator uses 70 %. */
export const EC2_SPOT_DISCOUNT = 0.7;
export const LOAD_BALANCER_HOUR = 0.0225;
/** Container Insights bills its metrics as custom metrics: per metric-month (730 hours of one-minute datapoints). */
export const CUSTOM_METRIC_MONTH = 0.3;
export const MINUTES_PER_METRIC_MONTH = 730 * 60;
/** ECS Anywhere: a fee per registered on-premises instance-hour; the hardware is yours. */
export const ECS_ANYWHERE_INSTANCE_HOUR = 0.01025;
/**
 * Amazon ECS Managed Instances: a management fee per instance-hour on top of the EC2 price. AWS prices the
 * fee per instance type and the simulator has no page to copy it from (UNCONFIRMED), so it charges an
 * illustrative 12 % of the type's on-demand rate.
 */
export const MANAGED_INSTANCES_FEE_FRACTION = 0.12;
/** Fargate bills per second with a one-minute minimum. */
export const FARGATE_MINIMUM_SECONDS = 60;

export const EC2_ON_DEMAND_HOUR: Readonly<Record<string, number>> = {
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3.large': 0.0832,
  'm4.large': 0.1,
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'm5.2xlarge': 0.384,
  'm5.4xlarge': 0.768,
  'c5.large': 0.085,
  'c5.xlarge': 0.17,
  'c5.2xlarge': 0.34,
  'r5.large': 0.126,
  'r5.xlarge': 0.252,
  'm6g.large': 0.077,
  'c6g.large': 0.068,
};
