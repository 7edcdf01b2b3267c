@concepts:C06 @concepts:C42
Feature: Observability: logs, Container Insights and a tracing sidecar
  When a task dies, ECS tells you how (the stop code, the exit code); only the container's own output
  tells you why. The awslogs driver sends each container's stdout to CloudWatch Logs, one stream per
  container per task, named prefix/container/task-id, and the stream stays after the task is gone.
  Container Insights is a cluster setting: per-service and per-task metrics exist only while it is on.
  A sidecar such as the X-Ray daemon is usually not essential: when it dies the application keeps
  serving, and only the traces stop. Take away: read the last log line of a stopped task first.

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And an execution role "ecsTaskExecutionRole" with the AmazonECSTaskExecutionRolePolicy

  Scenario: A crash loop is diagnosed from the last log line of a stopped task
    Take away: When a task keeps stopping, read the stopped reason and exit code, then the last lines of its log.
    Given a log group "/ecs/orders"
    And the image "orders:1" prints "listening on :8080" when it starts and "FATAL: could not connect to postgres at db.internal:5432" as it crashes 20 seconds later
    And a Fargate task definition "orders" for image "orders:1" run by "ecsTaskExecutionRole" logging to "/ecs/orders" with the prefix "ecs"
    When I create a Fargate service "orders" with 1 tasks of "orders"
    And 3 minutes pass
    Then some stopped task of "orders" says "Essential container in task exited"
    And the last log line of every stopped task of "orders" is "FATAL: could not connect to postgres at db.internal:5432"
    And the log group "/ecs/orders" kept a stream prefix/container/task-id for every stopped task of "orders"

  Scenario: Without its log group the task never starts, and ECS says why
    Take away: A missing log group for the awslogs driver stops the task before it starts, and the stopped reason names it.
    Given the image "orders:1" prints "listening on :8080" when it starts and "shutting down" as it crashes 3600 seconds later
    And a Fargate task definition "orders" for image "orders:1" run by "ecsTaskExecutionRole" logging to "/ecs/orders" with the prefix "ecs"
    When I create a Fargate service "orders" with 1 tasks of "orders"
    And 2 minutes pass
    Then some stopped task of "orders" says "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1"
    When I create the log group "/ecs/orders"
    Then "orders" is back to 1 running tasks within 20 minutes

  Scenario: Container Insights metrics appear only once the cluster has it on
    Take away: Container Insights records task-level metrics only from the moment you turn it on for the cluster.
    Given a Fargate task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And a Fargate service "web" running 2 tasks of "web"
    When 5 minutes pass
    Then Container Insights has no RunningTaskCount for "web"
    When I turn Container Insights on for the cluster
    And 5 minutes pass
    Then Container Insights recorded a RunningTaskCount of 2 for "web" every minute for the last 5 minutes
    And the cost report has a line for "Container Insights metrics"

  Scenario: The X-Ray sidecar crashes: the task keeps serving, but the traces stop
    Take away: A non-essential tracing sidecar can crash without taking the task down, so watch that the traces still arrive.
    Given an Application Load Balancer "shop" forwarding port 80 to a target group "shop" of ip targets
    And a Fargate task definition "shop" for image "shop:1" with an X-Ray daemon sidecar
    And the X-Ray daemon crashes 5 minutes after it starts
    And a Fargate service "shop" running 1 task of "shop" behind the target group "shop"
    When clients call the load balancer "shop" at 50 requests per second
    And 2 minutes pass
    Then X-Ray has trace segments from "shop"
    When 5 minutes pass
    Then the "xray" container of every task of "shop" has stopped, yet the task is RUNNING
    And X-Ray gets no new trace segments from "shop" over the next 3 minutes
    And no request of the clients failed since the update
