@concepts:C55 @concepts:C52 @concepts:C17
Feature: ECS Express Mode
  One call, CreateExpressGatewayService, turns an image and two roles into a web service: a Fargate service
  in the default cluster, its task definition and log group, two target groups behind a host-header rule on
  an HTTPS load balancer shared with other Express services, and target tracking auto scaling. Updates
  roll out as canaries, the service scales on its CPU, and deleting it removes what it made. Take away:
  Express Mode is ordinary ECS, ELB and Application Auto Scaling with the wiring done for you; every piece
  it made can be described with their own APIs.
  (Model: the load balancer sends a task's requests only once its target is healthy; a task's CPU is its image's idle CPU plus 100 % at 200 requests a second; the rollback alarm goes off when a scenario says so, since the simulator publishes no error rate for it to watch.)

  Background:
    Given an execution role "ecsTaskExecutionRole" with the AmazonECSTaskExecutionRolePolicy

  Scenario: One call makes a Fargate service behind an HTTPS endpoint, with scaling and logs
    Take away: One CreateExpressGatewayService makes plain ECS, ELB, auto scaling and logs resources, each visible through its own API.
    When I create an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole"
    Then the Express service "web" is ACTIVE
    And the Express service "web" runs 1 healthy Fargate task within 3 minutes
    And the Express service "web" has an HTTPS endpoint under "ecs.us-east-1.on.aws"
    And the endpoint of "web" is a host-header rule on a shared HTTPS load balancer, forwarding to the service's target group
    And "web" scales between 1 and 20 tasks to keep its average CPU at 60 %
    And the log group "/aws/ecs/default/web" has a log stream for each task of "web"

  Scenario: Two Express services share one load balancer, one rule each
    Take away: Express services on the same subnets share one load balancer, each reached by a host-header rule for its own endpoint.
    When I create an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole"
    And I create an Express service "api" for the image "api:1" with the execution role "ecsTaskExecutionRole"
    Then "web" and "api" share one load balancer
    And the endpoint of "api" is a host-header rule on a shared HTTPS load balancer, forwarding to the service's target group

  Scenario: An update rolls out as a canary: 5 % of the traffic for 3 minutes, then all of it
    The new revision starts beside the old one and gets 5 % of the production traffic; after the 3-minute
    canary bake it gets all of it, and after 3 more minutes of bake time the old task stops. Clients calling
    the endpoint throughout see no failed request.
    Take away: Every Express Mode update is a canary, 5 % of production traffic for 3 minutes before the rest.
    Given an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole", up and healthy
    And clients call the endpoint of "web" at 20 requests per second
    When I update the Express service "web" to the image "web:2"
    Then the deployment of "web" reaches PRODUCTION_TRAFFIC_SHIFT within 5 minutes
    And "web" sends 5 % of its production traffic to revision 2
    And the Express service "web" runs 2 configurations
    When 3 minutes pass
    Then "web" sends 100 % of its production traffic to revision 2
    And the deployment of "web" completes within 10 minutes
    And 1 tasks of "web" are running revision 2
    And the Express service "web" runs 1 configurations
    And no request of the clients failed since the update

  Scenario: A release that trips the rollback alarm goes back to the old revision
    Express Mode gives the service's deployments an alarm on its 4xx and 5xx errors to watch. When it goes
    off during the canary, ECS sends all production traffic back to the old revision and stops the new tasks.
    Take away: The alarm Express Mode sets on its deployments rolls a bad release back while only the canary slice saw it.
    Given an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole", up and healthy
    When I update the Express service "web" to the image "web:2"
    And the deployment of "web" reaches PRODUCTION_TRAFFIC_SHIFT within 5 minutes
    And the rollback alarm of the Express service "web" goes off
    Then "web" settles within 10 minutes
    And "web" sends 100 % of its production traffic to revision 1
    And 1 tasks of "web" are running revision 1

  Scenario: The service scales out on load and back in when it passes
    Take away: An Express service comes with target tracking on average CPU, so it scales out under load and back in when the load passes.
    Given an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole", up and healthy
    And I let the Express service "web" scale between 1 and 6 tasks at 50 % CPU
    When clients call the endpoint of "web" at 50 requests per second, spiking to 500 after 5 minutes for 30 minutes
    And 20 minutes pass
    Then the desired count of "web" is between 5 and 6
    When 50 minutes pass
    Then the desired count of "web" is 1

  Scenario: Deleting the service removes what Express Mode made for it
    Its tasks stop first, finishing the requests they have (the target groups' 300-second deregistration
    delay); then its rule, target groups, scaling and log group go, and the service is INACTIVE.
    Take away: Deleting an Express service drains its tasks first, then removes everything Express Mode made for it.
    Given an Express service "web" for the image "web:1" with the execution role "ecsTaskExecutionRole", up and healthy
    When I delete the Express service "web"
    Then the Express service "web" is DRAINING
    And the Express service "web" is INACTIVE within 10 minutes
    And the target groups, listener rule, scaling and log group Express Mode made for "web" are gone
