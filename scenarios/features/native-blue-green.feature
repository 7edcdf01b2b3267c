@concepts:C12 @concepts:C15 @concepts:C51
Feature: Native blue/green deployments
  With the ECS deployment controller and the BLUE_GREEN strategy, ECS itself runs the new version (green)
  at full size beside the old one (blue), in the load balancer's alternate target group. It points the test
  listener rule at green first, then rewrites the production rule's weights, keeps both through the bake
  time, and only then stops blue. Lifecycle hooks check each stage; a failing hook, an alarm or the circuit
  breaker sends traffic back to blue, which never stopped. Take away: no CodeDeploy, near-instant rollback,
  test traffic before production, double capacity while it runs.
  (Model: hooks of a stage run one at a time after the stage's work; a rollback before CLEAN_UP starts no
  task.)

  Background:
    Given a cluster "demo" with 4 m5.large instances across 2 zones
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-blue" of instance targets
    And a second target group "web-green" of instance targets
    And the deregistration delay of "web-blue" is 30 seconds
    And the deregistration delay of "web-green" is 30 seconds
    And a blue/green service "web" running 2 tasks of "web" on "web-alb" with "web-blue" and "web-green", baking 5 minutes
    And clients call the load balancer "web-alb" at 100 requests per second
    And a new revision of "web" for image "web:2"

  Scenario: Test traffic reaches green before any production request does
    Take away: A hook after the test traffic shift can check green on the test listener before any customer reaches it.
    Given "web" calls the Lambda function "smoke-test" at POST_TEST_TRAFFIC_SHIFT
    And the Lambda function "smoke-test" answers IN_PROGRESS
    When I deploy revision 2 of "web"
    Then the deployment of "web" reaches POST_TEST_TRAFFIC_SHIFT within 5 minutes
    And the target group "web-green" has 2 targets
    And the test listener rule of "web-alb" sends all test traffic to "web-green"
    And the production listener rule of "web-alb" sends 0 % to "web-green"
    When the Lambda function "smoke-test" answers SUCCEEDED
    Then the deployment of "web" reaches BAKE_TIME within 1 minute
    And the production listener rule of "web-alb" sends 100 % to "web-green"
    And no request of the clients failed since the update

  Scenario: A hook that answers FAILED after the test traffic shift rolls back to blue
    Take away: A failing lifecycle hook rolls back by moving traffic to blue, which never stopped, so no request fails.
    Given "web" calls the Lambda function "smoke-test" at POST_TEST_TRAFFIC_SHIFT
    And the Lambda function "smoke-test" answers FAILED
    When I deploy revision 2 of "web"
    Then "web" settles within 10 minutes
    And the production listener rule of "web-alb" sends 100 % to "web-blue"
    And 2 tasks of "web" are running revision 1
    And no request of the clients failed since the update

  Scenario: Blue keeps running through the bake time, then CLEAN_UP stops it
    Take away: Blue runs until the bake time ends, so rolling back during it is a traffic switch, not a new deployment.
    When I deploy revision 2 of "web"
    And the deployment of "web" reaches BAKE_TIME within 5 minutes
    And 4 minutes pass
    Then the target group "web-blue" has 2 targets
    And the deployment of "web" reaches CLEAN_UP within 2 minutes
    And the deployment of "web" completes within 5 minutes
    And 2 tasks of "web" are running revision 2
    And no request of the clients failed since the update

  Scenario: Testers reach green through the test listener rule while the clients stay on blue
    Take away: Test traffic (requests with the header the test listener rule matches) reaches green before any production request does.
    Given "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT
    And testers call the load balancer "web-alb" with the test header at 20 requests per second
    And 1 minute passes
    And every request of the testers in the last minute reached "web-blue"
    When I deploy revision 2 of "web"
    Then the deployment of "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT within 5 minutes
    And 1 minute passes
    And every request of the testers in the last minute reached "web-green"
    And every request of the clients in the last minute reached "web-blue"

  Scenario: A PAUSE hook holds green on test traffic until someone approves it
    Take away: A PAUSE hook is a manual approval: production waits on blue until ContinueServiceDeployment says CONTINUE.
    Given "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT
    When I deploy revision 2 of "web"
    Then the deployment of "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT within 5 minutes
    And the test listener rule of "web-alb" sends all test traffic to "web-green"
    When 30 minutes pass
    Then the deployment of "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT within 1 minute
    And the production listener rule of "web-alb" sends 0 % to "web-green"
    When I approve the deployment of "web"
    Then the deployment of "web" reaches BAKE_TIME within 1 minute
    And the production listener rule of "web-alb" sends 100 % to "web-green"
    And no request of the clients failed since the update

  Scenario: The deployment history shows a rollback to blue
    Take away: A rolled-back blue/green deployment stays in the history as ROLLBACK_SUCCESSFUL, naming the revision it went back to.
    Given "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT
    When I deploy revision 2 of "web"
    And the deployment of "web" waits for an approval at POST_TEST_TRAFFIC_SHIFT within 5 minutes
    And I reject the deployment of "web"
    Then the latest deployment of "web" is ROLLBACK_SUCCESSFUL within 5 minutes
    And the rollback of the latest deployment of "web" went back to the revision before it
    And the production listener rule of "web-alb" sends 100 % to "web-blue"
    And 2 tasks of "web" are running revision 1
