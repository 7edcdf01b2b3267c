@concepts:C29 @concepts:C23 @concepts:C28
Feature: What one workload costs on EC2, Fargate and Fargate Spot
  ECS itself is free: you pay for the capacity. On Fargate you pay per second for each task's vCPU and
  memory; on EC2 for the instances, however full they are; Spot capacity costs less and can be taken
  back. Take away: a small, steady workload is cheapest packed onto EC2 or on Fargate Spot; Fargate
  saves the instance management, and its price follows the task size exactly.
  (Illustrative us-east-1 prices, 2026: Fargate $0.04048 per vCPU-hour and $0.004445 per GB-hour, Spot
  70 % off; m5.large $0.096 an hour.)

  Scenario: Four 0.5 vCPU / 1 GB tasks for a day on Fargate cost about $2.37
    Take away: Fargate bills each task's vCPU and memory per second, whether the task is busy or idle.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a Fargate service "web" running 4 tasks of "web"
    When 24 hours pass
    Then the run has cost between $2.35 and $2.40
    And the cost report has a line for "Fargate vCPU-hours"

  Scenario: The same tasks on Fargate Spot cost about 30 % of that
    Take away: Fargate Spot runs the same tasks for about 30 % of the price, in exchange for tasks AWS may take back.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a service "web" running 4 tasks of "web" with the capacity provider strategy:
      | capacityProvider | base | weight |
      | FARGATE_SPOT     | 0    | 1      |
    When 24 hours pass
    Then the run has cost between $0.70 and $0.73

  Scenario: The same tasks packed onto one m5.large cost its hourly price
    Take away: On EC2 you pay for the instance however many tasks it holds, so packing it well is what makes it cheap.
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a service "web" running 4 tasks of "web"
    When 24 hours pass
    Then the run has cost between $2.30 and $2.31
    And the cost report has a line for "EC2 m5.large instance-hours"
