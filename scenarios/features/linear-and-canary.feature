@concepts:C14 @concepts:C15 @concepts:C52
Feature: Linear and canary deployments
  LINEAR and CANARY are blue/green deployments whose production traffic moves in steps: a canary sends a
  small slice to green, waits its canary bake time, then moves the rest; linear moves the same step again
  and again, waiting its step bake time after each, never after 100 %. An alarm that goes off during a
  step rolls the traffic back to blue. Take away: canary = one small slice, then everything; linear =
  equal steps; both need an alarm to catch a bad version while few users see it.

  Background:
    Given a cluster "demo" with 4 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-blue" of instance targets
    And a second target group "web-green" of instance targets
    And the deregistration delay of "web-blue" is 30 seconds
    And the deregistration delay of "web-green" is 30 seconds

  Scenario: A linear deployment moves 25 % of production traffic every 6 minutes
    Take away: LINEAR moves production traffic in equal steps, with a bake time after each step but not after the last.
    Given a linear service "web" running 2 tasks of "web" on "web-alb" with "web-blue" and "web-green": 25 % every 6 minutes, baking 1 minute
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" reaches PRODUCTION_TRAFFIC_SHIFT within 5 minutes
    And the production listener rule of "web-alb" sends 25 % to "web-green"
    And 6 minutes pass
    And the production listener rule of "web-alb" sends 50 % to "web-green"
    And 6 minutes pass
    And the production listener rule of "web-alb" sends 75 % to "web-green"
    And 6 minutes pass
    And the production listener rule of "web-alb" sends 100 % to "web-green"
    And the deployment of "web" completes within 5 minutes

  Scenario: An alarm during the canary sends the traffic back to blue
    Take away: An alarm that goes off during a canary sends all traffic back to blue while only the canary slice was exposed.
    Given a canary service "web" running 2 tasks of "web" on "web-alb" with "web-blue" and "web-green": 10 % for 15 minutes, baking 5 minutes
    And "web" rolls back when the alarm "web-5xx" goes off
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" reaches PRODUCTION_TRAFFIC_SHIFT within 5 minutes
    And the production listener rule of "web-alb" sends 10 % to "web-green"
    And 5 minutes pass
    And the alarm "web-5xx" goes off
    And "web" settles within 10 minutes
    And the production listener rule of "web-alb" sends 100 % to "web-blue"
    And 2 tasks of "web" are running revision 1
