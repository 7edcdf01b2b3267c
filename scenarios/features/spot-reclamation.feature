@concepts:C27 @concepts:C28
Feature: Spot reclamation
  EC2 can take a Spot Instance back with two minutes' notice. With ECS_ENABLE_SPOT_INSTANCE_DRAINING
  the agent drains the instance at the notice, so services move their tasks while the instance still
  runs; without it, the tasks die with the instance and the service only then starts replacements.
  Take away: turn instance draining on, keep spare capacity, and keep minimumHealthyPercent below 100
  if there is no room to start replacements first.

  Background:
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory

  Scenario: With instance draining, tasks move during the two-minute notice and nothing goes down
    Given 1 m5.large Spot instance with instance draining joins the cluster
    And a service "web" running 4 tasks of "web"
    When EC2 reclaims Spot instance 2
    Then instance 2 is DRAINING
    And "web" is back to 4 running tasks within 2 minutes
    And 3 minutes pass
    And instance 2 is INACTIVE
    And at no time during the update are fewer than 4 tasks of "web" healthy

  Scenario: Without instance draining, the tasks die with the instance and come back later
    Given 1 m5.large Spot instance without instance draining joins the cluster
    And a service "web" running 4 tasks of "web"
    When EC2 reclaims Spot instance 2
    And 1 minute passes
    Then instance 2 is ACTIVE
    And 2 minutes pass
    And instance 2 is INACTIVE
    And some stopped task of "web" says "Host EC2 (instance …) terminated."
    And "web" is back to 4 running tasks within 2 minutes
