@concepts:C54 @concepts:C53
Feature: ECS Managed Daemons: one agent on every Managed Instance, started first
  A daemon runs one task of its daemon task definition on every instance of its Managed Instances capacity
  providers: a log shipper, a security sensor, a metrics agent. ECS starts it on a new instance before any
  application task goes there, and treats it as part of the instance's health: when a critical daemon's
  task stops, ECS drains the instance and replaces it. A new daemon revision does not restart agents in
  place: ECS drains a batch of instances (drainPercent), the application tasks move to replacements that
  come up with the new revision, and after a bake time the next batch follows; an alarm rolls it back.
  Take away: daemons are decoupled from applications, and a daemon update replaces instances.
  (Model: the batch is drainPercent of the instances, rounded up, oldest first; the bake time follows every
  batch; ECS sizes new instances for one task of each daemon besides the waiting tasks.)

  Background:
    Given an empty cluster "demo"
    And a Managed Instances capacity provider "managed" that scales in after 600 seconds idle
    And a Managed Instances task definition "web" for image "web:1" with 1024 CPU units and 2048 MiB of memory
    And a daemon task definition "log-agent" for image "log-agent:1" with 256 CPU units and 256 MiB of memory
    And the daemon "log-agent" runs "log-agent" on the instances of "managed"

  Scenario: The daemon starts on each new instance before the application tasks
    Take away: On a Managed Instance the daemon's task runs first; application tasks wait for it.
    When I create an awsvpc service "web" with 2 tasks of "web"
    Then "web" is back to 2 running tasks within 5 minutes
    And every ACTIVE instance runs one task of the daemon "log-agent"
    And on every instance the daemon "log-agent" started before the tasks of "web"

  Scenario: A critical daemon task that stops takes its instance out of service
    Take away: When a critical daemon's task stops, ECS drains its instance and replaces it, daemon first.
    Given I create an awsvpc service "web" with 2 tasks of "web"
    And "web" settles within 5 minutes
    When the task of the daemon "log-agent" on one instance stops
    Then the instance of the stopped daemon task is DRAINING within 1 minute
    And the instance of the stopped daemon task is INACTIVE within 10 minutes
    And "web" is back to 2 running tasks within 2 minutes
    And every ACTIVE instance runs one task of the daemon "log-agent"

  Scenario: A daemon update replaces the instances a batch at a time, with a bake time between batches
    Take away: A new daemon revision reaches the fleet by replacing drainPercent of the instances at a time.
    Given I create an awsvpc service "web" with 4 tasks of "web"
    And "web" settles within 5 minutes
    And a new revision of the daemon task definition "log-agent" for image "log-agent:2"
    When I update the daemon "log-agent" to revision 2, draining 50 % of the instances at a time and baking 3 minutes
    Then 2 instances are DRAINING within 1 minute
    And 2 instances run revision 2 of the daemon "log-agent" within 10 minutes
    And the deployment of the daemon "log-agent" is SUCCESSFUL within 30 minutes
    And every instance runs revision 2 of the daemon "log-agent"
    And at no time during the update are fewer than 4 tasks of "web" healthy

  Scenario: An alarm during a daemon update rolls it back
    Take away: An alarm that goes off while a daemon update replaces instances brings the old revision back the same way.
    Given I create an awsvpc service "web" with 2 tasks of "web"
    And "web" settles within 5 minutes
    And a new revision of the daemon task definition "log-agent" for image "log-agent:2"
    When I update the daemon "log-agent" to revision 2, draining 50 % of the instances at a time, baking 10 minutes and rolling back when the alarm "agent-errors" goes off
    And 1 instance runs revision 2 of the daemon "log-agent" within 10 minutes
    And the alarm "agent-errors" goes off
    Then the deployment of the daemon "log-agent" is ROLLBACK_SUCCESSFUL within 30 minutes
    And every instance runs revision 1 of the daemon "log-agent"
