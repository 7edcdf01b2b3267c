@concepts:C22 @concepts:C50 @concepts:C45
Feature: Load balancing with an Application Load Balancer
  ECS registers each task of a service with its target group when the task is RUNNING; the load balancer
  health checks it (one pass for a new target, two failures in a row for an unhealthy one, 30 s apart by
  default) and sends requests only to healthy targets. When a task stops, its target drains for the
  deregistration delay (300 s by default) before the container gets SIGTERM. Take away: with a load
  balancer a rolling update loses no request, a short deregistration delay makes deployments faster,
  and a task failing its target health checks is replaced.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-tg" of instance targets

  Scenario: A rolling update behind the load balancer loses no request
    Take away: Behind a load balancer, new tasks take traffic once healthy and old ones drain first, so no request fails.
    Given the deregistration delay of "web-tg" is 30 seconds
    And a service "web" running 4 tasks of "web" behind the target group "web-tg"
    And clients call the load balancer "web-alb" at 200 requests per second
    And the target group "web-tg" has 4 healthy targets
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" completes within 15 minutes
    And 4 tasks of "web" are running revision 2
    And the target group "web-tg" has 4 healthy targets
    And no request of the clients failed since the update

  Scenario: A stopped task drains for the deregistration delay before it gets SIGTERM
    Take away: A task leaving a target group gets SIGTERM only after the deregistration delay, 300 seconds unless you shorten it.
    Given a service "web" running 2 tasks of "web" behind the target group "web-tg"
    When I stop one task of "web" by hand
    Then the stopped task is still DEACTIVATING after 290 seconds
    And the stopped task is still STOPPED after 20 seconds
    And the service "web" reports:
      """
      (service web, taskSet ecs-svc/…) has begun draining connections on 1 tasks.
      """
    And the service "web" reports:
      """
      (service web) deregistered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/…)
      """

  Scenario: A task that fails its target health checks is replaced
    Take away: A task that fails its target group's health checks is stopped and replaced by the service.
    Given the image "web:1" fails its health check from 120 seconds after it starts
    And a service "web" running 2 tasks of "web" behind the target group "web-tg"
    And I scale "web" to 2 tasks
    When 4 minutes pass
    Then the service "web" reports:
      """
      (service web) (instance i-…) (port …) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/…) due to (reason Health checks failed with these codes: [503])
      """
    And some stopped task of "web" says "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/…)"

  Scenario Outline: Slow start ramps a new task up, so the tasks already there carry more for a while
    Take away: Slow start protects a new task from a full share of traffic, so the tasks already there must have the headroom.
    Given one task of "web:1" serves at most 60 requests per second
    And slow start on "web-tg" lasts <slow start> seconds
    And a service "web" running 1 tasks of "web" behind the target group "web-tg"
    And clients call the load balancer "web-alb" at 90 requests per second
    When I scale "web" to 2 tasks
    And 5 minutes pass
    Then the target group "web-tg" has 2 healthy targets
    And the clients saw failed requests for at least <at least> seconds
    And the clients saw failed requests for at most <at most> seconds

    Examples:
      | slow start | at least | at most |
      | 0          | 30       | 45      |
      | 120        | 60       | 90      |


  Scenario: A rollback puts the service back behind the target group of the last successful revision
    Take away: A rollback returns to the last successful service revision, load balancers included: the new target group empties and the old one serves again.
    Given an Application Load Balancer "web-alb-2" forwarding port 80 to a target group "web-tg-2" of instance targets
    And a service "web" running 2 tasks of "web" behind the target group "web-tg"
    And "web" rolls back when the alarm "web-5xx" goes off
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web" behind the target group "web-tg-2"
    And 3 minutes pass
    And the target group "web-tg-2" has 2 healthy targets
    And the alarm "web-5xx" goes off
    Then the deployment of "web" completes within 15 minutes
    And the service "web" sends its tasks to the target group "web-tg"
    And 2 tasks of "web" are running revision 1
    And 6 minutes pass
    And the target group "web-tg" has 2 healthy targets
    And the target group "web-tg-2" has 0 targets
    And the rollback of the latest deployment of "web" went back to the revision before it
