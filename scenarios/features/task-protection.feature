@concepts:C56 @concepts:C17 @concepts:C44
Feature: Task scale-in protection keeps a busy task running
  A task that is in the middle of long work (a video to encode, a game in play, a batch of messages) can ask
  ECS not to stop it: UpdateTaskProtection (or a PUT to the agent's endpoint from inside the task) protects
  it for 2 hours by default, at most 48. While it is protected, a scale-in and a deployment pass it over and
  stop other tasks first; once the protection ends (it expires, or the task turns it off), it goes like any
  other. Protection covers service tasks only, and only ECS's own choices: StopTask, a failed health check
  or a Spot interruption still stop a protected task.
  Take away: protect a task while it works, turn the protection off when it is done.
  (Model: a deployment waits for a protected task of the old revision; it looks again when the protection
  ends.)

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "worker" for image "worker:1" with 256 CPU units and 512 MiB of memory
    And a service "worker" running 3 tasks of "worker"

  Scenario: A scale-in stops the unprotected tasks and leaves the protected ones until their protection ends
    Take away: Scale-in passes over protected tasks until their protection expires.
    Given 2 tasks of "worker" are protected from scale-in for 30 minutes
    When I scale "worker" to 0 tasks
    And 20 minutes pass
    Then 2 protected tasks of "worker" are still running revision 1
    When 11 minutes pass
    Then "worker" runs no task

  Scenario: A deployment waits for a protected task until its protection is turned off
    Take away: A deployment replaces every task but the protected ones, and finishes once their protection is off.
    Given 1 task of "worker" is protected from scale-in for 120 minutes
    And a new revision of "worker" for image "worker:2"
    When I deploy revision 2 of "worker"
    Then the deployment of "worker" is still in progress after 30 minutes
    And 1 protected task of "worker" is still running revision 1
    When I turn the scale-in protection of the tasks of "worker" off
    Then the deployment of "worker" completes within 5 minutes
    And 3 tasks of "worker" are running revision 2
