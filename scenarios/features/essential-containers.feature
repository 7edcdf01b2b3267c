@concepts:C34
Feature: Essential and non-essential containers
  A task definition marks each container essential (the default) or not. When an essential container
  exits, for whatever reason and with whatever code, ECS stops the whole task (stop code
  EssentialContainerExited) and a service starts a replacement. A non-essential container that exits just
  stops: the task keeps running without it. Take away: mark essential only the containers the task cannot
  do without; a log router or a metrics sidecar can go without taking the application down.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" with the containers:
      | name    | image     | essential |
      | app     | app:1     | yes       |
      | sidecar | sidecar:1 | no        |
    And a service "web" running 2 tasks of "web"

  Scenario: A non-essential container exits and the task keeps running
    Take away: A non-essential container may stop without stopping its task.
    When the container "sidecar" of a task of "web" exits with code 1
    And 1 minute passes
    Then no task of "web" has stopped

  Scenario: An essential container exits and the service replaces the task
    Take away: When an essential container exits the whole task stops, and a service replaces it.
    When the container "app" of a task of "web" exits with code 137
    And 2 minutes pass
    Then some stopped task of "web" says "Essential container in task exited"
    And the service "web" reports:
      """
      (service web) has started 1 tasks: (task …).
      """
