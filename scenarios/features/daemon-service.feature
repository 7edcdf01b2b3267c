@concepts:C36 @concepts:C49
Feature: Daemon services
  A DAEMON service runs exactly one task on every ACTIVE container instance: log shippers, monitoring
  agents. It has no desired count; the scheduler keeps one per instance as instances come and go, and
  stops the task of an instance that drains. Take away: use a daemon for per-host agents, a REPLICA
  service for everything else.

  Background:
    Given a cluster "demo" with 3 m5.large instances across 3 zones
    And a task definition "agent" for image "agent:1" with 128 CPU units and 256 MiB of memory

  Scenario: One task per instance, including an instance that joins later
    Take away: A DAEMON service follows the instances: every instance that joins gets its one task without a desired count.
    Given a daemon service "agent" of "agent"
    Then every ACTIVE instance runs exactly one task of "agent"
    When 1 more m5.large instance joins the cluster
    Then "agent" settles within 2 minutes
    And every ACTIVE instance runs exactly one task of "agent"
    And "agent" is back to 4 running tasks within 1 minute

  Scenario: Draining an instance stops its daemon task
    Take away: Draining an instance stops its daemon task, and the daemon's running count drops with the instance count.
    Given a daemon service "agent" of "agent"
    When I set instance 2 to DRAINING
    And 1 minute passes
    Then instance 2 runs 0 tasks
    And "agent" is back to 2 running tasks within 1 minute

  Scenario: A new revision replaces the daemon on each instance, half at a time with minimumHealthyPercent 50
    Take away: A daemon update replaces the task on each instance in place, as many at once as minimumHealthyPercent lets go.
    Given 1 more m5.large instance joins the cluster
    And a daemon service "agent" of "agent" with minimumHealthyPercent 50
    And a new revision of "agent" for image "agent:2"
    When I deploy revision 2 of "agent"
    Then the deployment of "agent" completes within 10 minutes
    And 4 tasks of "agent" are running revision 2
    And at no time during the update are fewer than 2 tasks of "agent" healthy
    And every ACTIVE instance runs exactly one task of "agent"

  Scenario: Deleting a service stops its tasks and leaves it INACTIVE
    Take away: Deleting a service with force stops all of its tasks, and the service stays listed as INACTIVE.
    Given a daemon service "agent" of "agent"
    When I delete the service "agent" with force
    Then the service "agent" is INACTIVE within 2 minutes
    And instance 1 runs 0 tasks
