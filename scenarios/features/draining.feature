@concepts:C05 @concepts:C27
Feature: Draining a container instance
  Setting an instance to DRAINING stops new placements on it. The service scheduler then replaces the
  instance's service tasks elsewhere within minimumHealthyPercent and maximumPercent; standalone tasks are
  left alone, so the instance stays DRAINING until they end. Take away: drain before you take an instance
  away, and know that your own RunTask jobs are not moved for you.

  Scenario: Service tasks move to another instance before the old ones stop; the standalone task stays
    Take away: Draining moves service tasks for you within the deployment bounds, but your standalone tasks stay until they end.
    Given a cluster "demo" with 1 m5.large instance across 1 zone
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory
    And a task definition "report" for image "report:1" with 256 CPU units and 512 MiB of memory
    And a service "web" running 2 tasks of "web"
    And I run a standalone task of "report" on instance 1
    And 1 more m5.large instance joins the cluster
    When I set instance 1 to DRAINING
    Then "web" is back to 2 running tasks within 5 minutes
    And 2 minutes pass
    And instance 1 is DRAINING
    And instance 1 runs 1 task
    And instance 2 runs 2 tasks
    And standalone task 1 is RUNNING
    And no task was placed on instance 1 since the update
    And at no time during the update are fewer than 2 tasks of "web" healthy
    And at no time during the update are more than 4 tasks of "web" running or pending
