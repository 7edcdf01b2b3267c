@concepts:C50,C34
Feature: Container health checks and start order
  A container health check runs a command inside the container every `interval` seconds; `retries`
  failures in a row make the container UNHEALTHY, and ECS replaces a service's task whose essential
  container is UNHEALTHY. Failures inside the `startPeriod` do not count, so a slow-starting application
  is not killed while it warms up. `dependsOn` orders the containers of one task: a container starts once
  another has started (START), exited (COMPLETE), exited 0 (SUCCESS) or passed its health check (HEALTHY).
  Take away: give slow applications a start period, and say in the task definition what must be ready first.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones

  Scenario: Without a start period, an application that warms up slowly is killed before it is ready
    Take away: Without a start period, health-check failures during warm-up count, and ECS kills tasks that would have become healthy.
    Given a task definition "api" for image "api:1" with 256 CPU units, 512 MiB of memory and a health check every 10 seconds
    And the image "api:1" needs 45 seconds to warm up
    When I create a service "api" with 2 tasks of "api"
    And 3 minutes pass
    Then the service "api" reports:
      """
      (service api) (task …) failed container health checks.
      """
    And some stopped task of "api" says "Task failed container health checks"

  Scenario: A start period gives the same application time to warm up
    Take away: A startPeriod longer than the warm-up keeps early failures from counting against a new container.
    Given a task definition "api" for image "api:1" with a health check every 10 seconds and a start period of 60 seconds
    And the image "api:1" needs 45 seconds to warm up
    When I create a service "api" with 2 tasks of "api"
    Then "api" settles within 3 minutes
    And 10 minutes pass
    And no task of "api" has stopped

  Scenario: The application waits for its database to pass its health check
    Take away: With a HEALTHY condition in dependsOn, a container starts only once the one it needs passes its health check.
    Given the image "db:1" needs 20 seconds to warm up
    And a task definition "app" with the containers:
      | name | image | essential | depends on | health check every |
      | db   | db:1  | yes       |            | 10                 |
      | web  | web:1 | yes       | db HEALTHY |                    |
    When I run a standalone task of "app"
    And 2 minutes pass
    Then standalone task 1 is RUNNING
    And standalone task 1 was RUNNING 30 seconds after it was created

  Scenario: A migration runs to completion before the application starts
    Take away: A non-essential container with a SUCCESS dependency runs a one-off job before the application starts.
    Given the image "migrate:1" exits with code 0 after 5 seconds
    And a task definition "app" with the containers:
      | name    | image     | essential | depends on      |
      | migrate | migrate:1 | no        |                 |
      | web     | web:1     | yes       | migrate SUCCESS |
    When I run a standalone task of "app"
    And 1 minute passes
    Then standalone task 1 is RUNNING
    And container "migrate" of standalone task 1 exited with code 0
    And container "web" of standalone task 1 is RUNNING
    And standalone task 1 was RUNNING 15 seconds after it was created

  Scenario: A failed migration stops the task before the application starts
    Take away: When a SUCCESS dependency exits with an error, the task stops before the application container ever starts.
    Given the image "migrate:2" exits with code 3 after 5 seconds
    And a task definition "app" with the containers:
      | name    | image     | essential | depends on      |
      | migrate | migrate:2 | no        |                 |
      | web     | web:1     | yes       | migrate SUCCESS |
    When I run a standalone task of "app"
    And 1 minute passes
    Then standalone task 1 stopped with TaskFailedToStart
    And container "migrate" of standalone task 1 exited with code 3
    And container "web" of standalone task 1 says "dependency graph: failed to resolve container ordering dependency [migrate] for target [web] as dependency did not exit successfully."
