@concepts:C37 @concepts:C36
Feature: Task placement
  When a task runs on EC2, ECS first keeps the instances with enough CPU, memory, ports and ENIs, then
  those that meet the constraints (distinctInstance, memberOf with the cluster query language), then
  ranks the rest by the strategies in order (spread, binpack, random). Strategies are wishes; constraints
  are rules, and a task that no instance satisfies waits. Take away: spread across zones for
  availability, binpack for cost, and use constraints only for what must hold.

  Background:
    Given a cluster "demo" with 3 m5.large instances across 3 zones
    And 1 more t3.medium instance joins the cluster in us-east-1a
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory

  Scenario: Spread across zones, then binpack on memory: balanced zones, few instances
    Take away: Strategies apply in order: spread across zones first for availability, then binpack to use fewer instances.
    Given a service "web" running 6 tasks of "web" placed by "spread(attribute:ecs.availability-zone), binpack(memory)"
    Then every zone runs 2 tasks of "web"
    And the tasks of "web" sit on 3 instances

  Scenario: A memberOf constraint keeps tasks off an instance type
    Take away: A memberOf constraint is a hard rule written in the cluster query language: instances that fail it get no task.
    Given a service "web" running 6 tasks of "web" on instances where "attribute:ecs.instance-type == m5.large"
    Then 6 tasks of "web" are running
    And no task of "web" runs on a t3.medium instance
    And a task of "web" explains it was placed after rejecting instances for ATTRIBUTE

  Scenario: distinctInstance puts at most one task on each instance; the fifth task cannot be placed
    Take away: The distinctInstance constraint caps a service at one task per instance, and the extra task waits with ECS's reason.
    Given a service "web" running 5 tasks of "web", one per instance
    Then 4 tasks of "web" are running
    And the tasks of "web" sit on 4 instances
    And the service "web" reports:
      """
      (service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance …) is missing an attribute required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.
      """

  Scenario: A static host port fits one task per instance; the fifth task finds no free port
    Take away: A fixed host port fits one task per instance; use dynamic host ports (0) or awsvpc to run more.
    Given a task definition "api" for image "api:1" with 256 CPU units and 512 MiB of memory on host port 8080
    When I create a service "api" with 5 tasks of "api"
    And 2 minutes pass
    Then 4 tasks of "api" are running
    And the tasks of "api" sit on 4 instances
    And the service "api" reports:
      """
      (service api) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance …) is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.
      """

  Scenario: awsvpc tasks on EC2 take an ENI each: three ENIs leave room for two tasks per instance
    Take away: On EC2 each awsvpc task needs an elastic network interface, so the instance type's ENI limit caps its tasks.
    Given an awsvpc task definition "vpc" for image "vpc:1" with 256 CPU units and 512 MiB of memory
    When I create an awsvpc service "vpc" with 9 tasks of "vpc"
    And 2 minutes pass
    Then 8 tasks of "vpc" are running
    And the tasks of "vpc" sit on 4 instances
    And the service "vpc" reports:
      """
      (service vpc) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance …) has no elastic network interface left for an awsvpc task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.
      """

