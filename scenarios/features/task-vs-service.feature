@concepts:C10 @concepts:C49
Feature: A task runs and ends; a service keeps its tasks running
  RunTask starts a task and forgets it: when it stops, it stays stopped. A service remembers how many
  tasks it wants and starts a replacement whenever one stops. Take away: run batch jobs as tasks and
  anything that must stay up as a service.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a task definition "report" for image "report:1" with 256 CPU units and 512 MiB of memory

  Scenario: A standalone task that stops stays stopped
    Take away: Nobody restarts a standalone task: RunTask is for work that ends.
    Given I run a standalone task of "report"
    And 1 minute passes
    When the process of standalone task 1 exits
    And 10 minutes pass
    Then standalone task 1 is STOPPED
    And no standalone task of "report" started since the update

  Scenario: A service replaces a task that stops
    Take away: A service keeps its desired count by starting a replacement for every task that stops.
    Given a service "web" running 3 tasks of "web"
    When I stop one task of "web"
    Then "web" is back to 3 running tasks within 2 minutes
    And the service "web" reports:
      """
      (service web) has started 1 tasks: (task …).
      """
