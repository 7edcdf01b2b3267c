@concepts:C27 @concepts:C28
Feature: Spot reclamation
  EC2 can take a Spot Instance back with two minutes' notice. With ECS_ENABLE_SPOT_INSTANCE_DRAINING
  the agent drains the instance at the notice, so services move their tasks while the instance still
  runs; without it, the tasks die with the instance and the service only then starts replacements.
  Take away: turn instance draining on, keep spare capacity, and keep minimumHealthyPercent below 100
  if there is no room to start replacements first.

  Scenario: EC2 Spot with instance draining: tasks move during the two-minute notice and nothing goes down
    Take away: With Spot instance draining on, tasks move during the two-minute notice and the service never drops a task.
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And 1 m5.large Spot instance with instance draining joins the cluster
    And a service "web" running 4 tasks of "web"
    When EC2 reclaims Spot instance 2
    Then instance 2 is DRAINING
    And "web" is back to 4 running tasks within 2 minutes
    And 3 minutes pass
    And instance 2 is INACTIVE
    And at no time during the update are fewer than 4 tasks of "web" healthy

  Scenario: EC2 Spot without instance draining: the tasks die with the instance and come back later
    Take away: Without Spot instance draining the tasks die with the instance, and replacements start only afterwards.
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And 1 m5.large Spot instance without instance draining joins the cluster
    And a service "web" running 4 tasks of "web"
    When EC2 reclaims Spot instance 2
    And 1 minute passes
    Then instance 2 is ACTIVE
    And 2 minutes pass
    And instance 2 is INACTIVE
    And some stopped task of "web" says "Host EC2 (instance …) terminated."
    And "web" is back to 4 running tasks within 2 minutes

  Scenario: Fargate Spot with an on-demand base: 4 tasks on FARGATE, 6 on FARGATE_SPOT, and a reclaimed task comes back on Spot
    Take away: The base is placed first, then the weights share the rest, and a reclaimed Spot task comes back on Spot.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And a service "web" running 10 tasks of "web" with the capacity provider strategy:
      | capacityProvider | base | weight |
      | FARGATE          | 2    | 1      |
      | FARGATE_SPOT     | 0    | 3      |
    Then 4 tasks of "web" run on FARGATE
    And 6 tasks of "web" run on FARGATE_SPOT
    And the tasks of "web" are spread over 3 Availability Zones
    When AWS reclaims 1 Fargate Spot task of "web"
    Then EventBridge received a task state change with stopCode SpotInterruption and reason "Your Spot Task was interrupted." while the task was still RUNNING
    And "web" is back to 10 running tasks within 2 minutes
    And the interrupted tasks of "web" were STOPPED within 120 seconds of the notice
    And 4 tasks of "web" run on FARGATE
    And 6 tasks of "web" run on FARGATE_SPOT

  Scenario: When Fargate Spot has no capacity, the service says so and never falls back to FARGATE
    Take away: When Fargate Spot has no capacity ECS waits for it and never falls back to FARGATE: the base is your safety net.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And a service "web" running 4 tasks of "web" with the capacity provider strategy:
      | capacityProvider | base | weight |
      | FARGATE          | 2    | 0      |
      | FARGATE_SPOT     | 0    | 1      |
    Then 2 tasks of "web" run on FARGATE
    And 2 tasks of "web" run on FARGATE_SPOT
    And Fargate Spot has no capacity left
    When AWS reclaims 2 Fargate Spot tasks of "web"
    And 5 minutes pass
    Then 2 tasks of "web" run on FARGATE
    And 0 tasks of "web" run on FARGATE_SPOT
    And EventBridge received a placement failure for "web" with reason RESOURCE:FARGATE
    And the service "web" reports:
      """
      (service web) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.
      """
    When Fargate Spot has capacity again
    Then "web" is back to 4 running tasks within 3 minutes
    And 2 tasks of "web" run on FARGATE_SPOT

  Scenario: A one-task service on Fargate Spot is down until capacity returns
    Take away: A service with every task on Fargate Spot and no on-demand base can be down for as long as Spot capacity is.
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And a service "web" running 1 tasks of "web" with the capacity provider strategy:
      | capacityProvider | base | weight |
      | FARGATE_SPOT     | 0    | 1      |
    And Fargate Spot has no capacity left
    When AWS reclaims 1 Fargate Spot task of "web"
    And 10 minutes pass
    Then 0 tasks of "web" run on FARGATE_SPOT
    And 0 tasks of "web" run on FARGATE
    When Fargate Spot has capacity again
    Then "web" is back to 1 running tasks within 3 minutes
