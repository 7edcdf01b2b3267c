@concepts:C23 @concepts:C32 @concepts:C11
Feature: Fargate
  On Fargate there are no instances to manage: each task gets its own slice of compute, sized by the task
  definition, and its own network interface (awsvpc). Only some cpu/memory pairs exist. Take away: pick a
  valid size, give the service subnets in several zones, and scale by task count.

  Scenario: A Fargate service runs without any instance, spread over the zones of its subnets
    Take away: On Fargate you give subnets in several zones and a task size; there is no instance to add or patch.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a Fargate service "web" running 6 tasks of "web"
    Then 6 tasks of "web" run on FARGATE
    And the tasks of "web" are spread over 3 Availability Zones

  Scenario: Only the documented cpu/memory pairs exist
    Take away: Fargate accepts only its documented cpu and memory pairs, and refuses any other size when you register it.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    Then registering a Fargate task definition "tiny" with 256 CPU units and 4096 MiB of memory fails with:
      """
      ClientException: No Fargate configuration exists for given values.
      """
    And registering a Fargate task definition "odd" with 300 CPU units and 512 MiB of memory fails with:
      """
      ClientException: No Fargate configuration exists for given values.
      """
