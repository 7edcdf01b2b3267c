@concepts:C14
Feature: Deployment circuit breaker
  With the circuit breaker on, ECS counts the tasks of a new deployment that fail, and when the count
  reaches the threshold (half the desired count rounded up, at least 3, at most 200) it marks the
  deployment FAILED and stops launching it. With rollback on, it goes back to the last deployment that
  completed. Take away: without the breaker a broken image is retried for ever; with it, the service
  heals itself.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory

  Scenario: An image that cannot be pulled trips the breaker and the service rolls back to the last completed deployment
    Take away: With the circuit breaker and rollback on, a deployment that cannot start its tasks goes back to the last one that completed.
    Given a service "web" running 4 tasks of "web" with the circuit breaker and rollback
    And the image "web:broken" cannot be pulled
    And a new revision of "web" for image "web:broken"
    When I deploy revision 2 of "web"
    Then the deployment of "web" fails within 10 minutes
    And the failed deployment of "web" counted at least 3 failed tasks
    And the failed deployment of "web" says "ECS deployment circuit breaker: tasks failed to start."
    And the service "web" reports:
      """
      (service web) (deployment ecs-svc/…) deployment failed: tasks failed to start.
      """
    And the service "web" reports:
      """
      (service web) rolling back to deployment ecs-svc/….
      """
    And the deployment of "web" completes within 10 minutes
    And 4 tasks of "web" are running revision 1
    And at no time during the update are fewer than 4 tasks of "web" healthy
    And no task of revision 2 of "web" starts after the deployment failed

  Scenario: A crashing image fails the deployment; without rollback the old tasks keep serving
    Take away: Without rollback the breaker only stops the failed deployment; the old tasks keep serving until you deploy again.
    Given a service "web" running 4 tasks of "web" with the circuit breaker but no rollback
    And the image "web:crashy" crashes 5 seconds after it starts
    And a new revision of "web" for image "web:crashy"
    When I deploy revision 2 of "web"
    Then the deployment of "web" fails within 10 minutes
    And 4 minutes pass
    And 4 tasks of "web" are running revision 1
    And no task of revision 2 of "web" starts after the deployment failed

  Scenario: Tasks that fail their container health checks are replaced
    Take away: ECS replaces a task whose essential container fails its health check, so a health check must test what matters.
    Given a task definition "api" for image "api:1" with 256 CPU units, 512 MiB of memory and a health check every 10 seconds
    And the image "api:1" fails its health check from 60 seconds after it starts
    When I create a service "api" with 2 tasks of "api"
    And 3 minutes pass
    Then the service "api" reports:
      """
      (service api) (task …) failed container health checks.
      """
    And some stopped task of "api" says "Task failed container health checks"
