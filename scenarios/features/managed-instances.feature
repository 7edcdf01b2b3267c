@concepts:C03 @concepts:C08 @concepts:C53
Feature: Amazon ECS Managed Instances: ECS runs the EC2 fleet for you
  A Managed Instances capacity provider is the third kind of capacity, between Fargate and your own Auto
  Scaling group: the instances are EC2 instances in your account, but ECS chooses their type from your
  instance requirements, launches them when tasks wait, packs several tasks on each, drains them to patch
  them, and terminates them when they have been idle for scaleInAfter seconds. You pay EC2's price plus a
  management fee.
  Take away: with Managed Instances you describe the instances you accept; ECS decides how many and which.
  (Model: ECS looks once a minute; it picks the general-purpose type with the fewest vCPUs, then the least
  memory, that holds the waiting tasks; an instance boots in 60 s; the fee is an illustrative 12 % of EC2.)

  Background:
    Given an empty cluster "demo"
    And a Managed Instances capacity provider "managed" that scales in after 120 seconds idle
    And a Managed Instances task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory

  Scenario: Tasks wait, ECS launches an instance for them, and takes it away once it is idle
    Take away: With Managed Instances ECS launches instances for waiting tasks and deregisters them once they sit idle.
    When I create an awsvpc service "web" with 3 tasks of "web"
    Then 3 tasks of "web" wait in PROVISIONING
    And ECS has launched 1 m5.large instance within 3 minutes
    And "web" is back to 3 running tasks within 2 minutes
    And the cost report has a line for "Managed Instances fee m5.large instance-hours (illustrative)"
    When I scale "web" to 0 tasks
    Then an instance is DEREGISTERING within 5 minutes
    And the cluster has 0 container instances within 2 minutes

  Scenario: ECS patches an instance by draining it onto a replacement
    Take away: ECS patches Managed Instances by starting a replacement and draining the old instance's tasks onto it.
    Given I create an awsvpc service "web" with 2 tasks of "web"
    And "web" is back to 2 running tasks within 3 minutes
    When ECS patches the instances of "managed"
    Then ECS has launched 1 m5.large instance within 5 minutes
    And the cluster has 1 container instance within 5 minutes
    And "web" is back to 2 running tasks within 2 minutes
