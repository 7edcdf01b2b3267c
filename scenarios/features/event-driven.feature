@concepts:C43 @concepts:C44 @concepts:C20
Feature: Event-driven and scheduled tasks
  EventBridge rules start ECS tasks: when an event matches a rule's pattern (an object uploaded to a
  bucket, say), or on a schedule (rate or cron). Each task does its work and exits; nothing runs while
  there is nothing to do. Take away: batch and event work belongs in tasks started by rules, not in a
  service that waits all day. (Rules are checked once a minute for schedules, at once for events; as in
  ECS, a stopped task stays visible for an hour, so older runs are counted on the rule.)

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Fargate task definition "thumbnail" for image "thumbnail:1" with 256 CPU units and 512 MiB of memory
    And the image "thumbnail:1" finishes its work in 30 seconds

  Scenario: An upload to the bucket starts a task that makes the thumbnail and exits
    Take away: An EventBridge rule can start a task for each event, and the task stops once its work is done.
    Given a rule "on-upload" runs a task of "thumbnail" when an object is uploaded to the bucket "photos"
    When the file "cat.jpg" is uploaded to the bucket "photos"
    And the file "dog.jpg" is uploaded to the bucket "other-bucket"
    And 2 minutes pass
    Then 1 task of "thumbnail" was started by the rule "on-upload"
    And every task the rule "on-upload" started ended with exit code 0

  Scenario: An hourly job runs once an hour
    Take away: A scheduled rule runs a task at set times, with nothing running and nothing billed in between.
    Given a rule "hourly" runs a task of "thumbnail" on the schedule "rate(1 hour)"
    When 3 hours pass
    Then the rule "hourly" has run its target 3 times
    And 2 minutes pass
    And every task the rule "hourly" started ended with exit code 0

  Scenario: A queue drained as workers scale
    Workers take one message at a time from an SQS queue. Application Auto Scaling tracks the backlog per
    task (visible messages / running tasks, by metric math): 30 messages per task is 60 seconds of work
    for a worker that needs 2 seconds a message, the latency we accept.
    Take away: Scale queue workers on the backlog per task, the number of messages each worker would have to get through.
    Given an SQS queue "jobs"
    And I turn Container Insights on for the cluster
    And the image "worker:1" works through messages of the queue "jobs" at 2 seconds each
    And a role "worker-role" that may sqs:ReceiveMessage on "arn:aws:sqs:us-east-1:123456789012:jobs"
    And the role "worker-role" may also sqs:DeleteMessage on "arn:aws:sqs:us-east-1:123456789012:jobs"
    And a Fargate task definition "worker" for image "worker:1" with the task role "worker-role"
    And I create a Fargate service "worker" with 1 tasks of "worker"
    And the workers of "worker" scale on a backlog of 30 messages per task of the queue "jobs" with 1 to 10 tasks
    When producers send 3 messages a second to the queue "jobs" for 10 minutes
    And 4 minutes pass
    Then the queue "jobs" has more than 300 messages waiting
    And the desired count of "worker" is 10
    When 10 minutes pass
    Then the queue "jobs" is empty
    When 30 minutes pass
    Then the desired count of "worker" is 1
    And the scaling activities of "worker" are, oldest first:
      | Description                  | Cause                                                                                             |
      | Setting desired count to 10. | monitor alarm TargetTracking-service/demo/worker-AlarmHigh in state ALARM triggered policy worker-backlog-per-task |
      | Setting desired count to 5.  | monitor alarm TargetTracking-service/demo/worker-AlarmLow in state ALARM triggered policy worker-backlog-per-task  |
      | Setting desired count to 3.  | monitor alarm TargetTracking-service/demo/worker-AlarmLow in state ALARM triggered policy worker-backlog-per-task  |
      | Setting desired count to 2.  | monitor alarm TargetTracking-service/demo/worker-AlarmLow in state ALARM triggered policy worker-backlog-per-task  |
      | Setting desired count to 1.  | monitor alarm TargetTracking-service/demo/worker-AlarmLow in state ALARM triggered policy worker-backlog-per-task  |

  Scenario: A poison message ends in the dead-letter queue
    One message among good ones makes the worker crash as soon as it takes it. Each crash leaves the
    message in flight until its visibility timeout ends, and the service replaces the task; the message is
    received again, and crashes the next worker. The redrive policy counts the receives: after the 3rd it
    moves the message to the dead-letter queue, where someone can look at it, and the crashes stop.
    Take away: A redrive policy moves a message that keeps crashing workers to a dead-letter queue after maxReceiveCount receives.
    Given an SQS queue "jobs-dlq"
    And an SQS queue "jobs" with a visibility timeout of 60 seconds that moves a message received 3 times to the dead-letter queue "jobs-dlq"
    And the image "worker:1" works through messages of the queue "jobs" at 2 seconds each, but crashes on any message containing "poison"
    And a role "worker-role" that may sqs:ReceiveMessage on "arn:aws:sqs:us-east-1:123456789012:jobs"
    And the role "worker-role" may also sqs:DeleteMessage on "arn:aws:sqs:us-east-1:123456789012:jobs"
    And a Fargate task definition "worker" for image "worker:1" with the task role "worker-role"
    And I create a Fargate service "worker" with 1 tasks of "worker"
    And 2 minutes pass
    When 5 messages arrive on the queue "jobs" at once
    And the message "order 42: poison" arrives on the queue "jobs"
    And 5 messages arrive on the queue "jobs" at once
    And 15 seconds pass
    Then the queue "jobs" has 5 messages waiting and 1 in flight
    And the tasks of "worker" stopped 1 time with exit code 1
    When 5 minutes pass
    Then the queue "jobs" is empty
    And the only message on the queue "jobs-dlq" is "order 42: poison"
    And the tasks of "worker" stopped 3 times with exit code 1
    And some stopped task of "worker" says "Essential container in task exited"
