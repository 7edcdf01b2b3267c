@concepts:C12 @concepts:C15 @concepts:C16
Feature: Blue/green deployments with CodeDeploy
  With the CODE_DEPLOY deployment controller, a new version runs as a second task set on a second target
  group; the load balancer's production listener then moves traffic to it (a canary slice first, a
  linear walk, or all at once), the new task set becomes PRIMARY, and the old one is kept for a while
  before it is terminated. Take away: blue/green needs a load balancer and two target groups, costs
  double capacity while it runs, and lets you switch back in one step.
  (Model: the controller checks every 15 s whether the replacement is steady; the original task set is
  kept 5 minutes after the switch.)

  Background:
    Given a cluster "demo" with 4 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-blue" of instance targets
    And a second target group "web-green" of instance targets
    And the deregistration delay of "web-blue" is 30 seconds
    And a blue/green service "web" running 3 tasks of "web" behind the target group "web-blue"
    And clients call the load balancer "web-alb" at 150 requests per second
    And a new revision of "web" for image "web:2"

  Scenario: A canary sends 10 % of production traffic to the new version for 5 minutes, then all of it
    Take away: A CodeDeploy canary configuration moves a small slice first, waits its interval, then moves all the rest.
    When CodeDeploy deploys revision 2 of "web" to "web-green" with ECSCanary10Percent5Minutes
    Then the blue/green deployment succeeds within 20 minutes
    And the production traffic was shifted 10 % at first, then 100 %
    And the canary held 10 % of the traffic for 5 minutes
    And 2 minutes pass
    And "web" runs only revision 2, in one task set
    And no request of the clients failed since the update

  Scenario: All at once switches every request to the new version in one step
    Take away: All at once moves every request to green in one step, and blue stays a while so switching back is one step too.
    When CodeDeploy deploys revision 2 of "web" to "web-green" with ECSAllAtOnce
    Then the blue/green deployment succeeds within 15 minutes
    And 2 minutes pass
    And "web" runs only revision 2, in one task set
    And no request of the clients failed since the update

  Scenario: Outside a deployment, a task set moves its tasks off a draining instance, each replacement first
    Take away: Between deployments a task set behaves like a service: draining moves its tasks, each replacement started first.
    Given instance 1 runs 1 task
    When I set instance 1 to DRAINING
    And 5 minutes pass
    Then instance 1 runs 0 tasks
    And "web" runs only revision 1, in one task set
    And at no time during the update are fewer than 3 tasks of "web" healthy
    And no request of the clients failed since the update
