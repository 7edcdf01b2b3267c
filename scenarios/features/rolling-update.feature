@concepts:C12 @concepts:C13
Feature: Rolling update
  A rolling update replaces the tasks of a service a few at a time. Two numbers bound it:
  minimumHealthyPercent (how many tasks must stay healthy, rounded up) and maximumPercent (how many may
  run or be pending at once, rounded down). Take away: the percentages decide whether ECS starts new
  tasks first, stops old ones first, or cannot move at all, and the cluster's room decides how many at a time.

  Background:
    Given a cluster "demo" with 2 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory

  Scenario: The defaults (100 % / 200 %) start new tasks first, two at a time when the cluster has room for 8
    Take away: With the defaults ECS starts new tasks before it stops old ones, so the cluster's spare room sets the pace.
    Given a service "web" running 6 tasks of "web"
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" completes within 10 minutes
    And 6 tasks of "web" are running revision 2
    And the old deployment of "web" is no longer listed
    And at no time during the update are more than 8 tasks of "web" running or pending
    And at no time during the update are fewer than 6 tasks of "web" healthy
    And the events of "web" since the update are, in order:
      | (service web) has started 2 tasks: (task …) (task …). |
      | (service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance …) has insufficient CPU units available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide. |
      | (service web) has stopped 2 running tasks: (task …) (task …). |
      | (service web) has started 2 tasks: (task …) (task …). |
      | (service web) has stopped 2 running tasks: (task …) (task …). |
      | (service web) has started 2 tasks: (task …) (task …). |
      | (service web) has stopped 2 running tasks: (task …) (task …). |
      | (service web) (deployment ecs-svc/…) deployment completed. |
      | (service web) has reached a steady state. |

  Scenario: 50 % / 100 % stops old tasks before it starts new ones
    Take away: A maximumPercent of 100 leaves no room above the desired count, so ECS must stop old tasks before it starts new ones.
    Given a service "web" running 4 tasks of "web" with minimumHealthyPercent 50 and maximumPercent 100
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then "web" stops 2 tasks before it starts any
    And the deployment of "web" completes within 10 minutes
    And 4 tasks of "web" are running revision 2
    And at no time during the update are more than 4 tasks of "web" running or pending
    And at no time during the update are fewer than 2 tasks of "web" healthy

  Scenario: 100 % / 100 % on a full cluster cannot move, and ECS says why
    Take away: Bounds that forbid both stopping and starting a task leave the deployment stuck, and the service event tells you so.
    Given a service "web" running 8 tasks of "web" with minimumHealthyPercent 100 and maximumPercent 100
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" is still in progress after 15 minutes
    And 8 tasks of "web" are running revision 1
    And the service "web" reports:
      """
      (service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.
      """

  Scenario: 50 % / 125 % with 3 tasks rounds to "at least 2 healthy, at most 3 at once"
    Take away: ECS rounds the healthy bound up and the maximum bound down, so small services move one task at a time.
    Given a service "web" running 3 tasks of "web" with minimumHealthyPercent 50 and maximumPercent 125
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then "web" stops 1 tasks before it starts any
    And the deployment of "web" completes within 10 minutes
    And 3 tasks of "web" are running revision 2
    And at no time during the update are more than 3 tasks of "web" running or pending
    And at no time during the update are fewer than 2 tasks of "web" healthy

  Scenario Outline: Try your own deployment configuration
    Take away: Any pair of percentages that leaves ECS room to stop or to start a task lets the deployment finish.
    Given a service "web" running 6 tasks of "web" with minimumHealthyPercent <minimumHealthyPercent> and maximumPercent <maximumPercent>
    And a new revision of "web" for image "web:2"
    When I deploy revision 2 of "web"
    Then the deployment of "web" completes within 10 minutes
    And 6 tasks of "web" are running revision 2
    And "web" stayed within its deployment bounds during the update

    Examples:
      | minimumHealthyPercent | maximumPercent |
      | 100                   | 200            |
