@concepts:C43 @concepts:C20
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
    Given a rule "on-upload" runs a task of "thumbnail" when an object is uploaded to the bucket "photos"
    When the file "cat.jpg" is uploaded to the bucket "photos"
    And the file "dog.jpg" is uploaded to the bucket "other-bucket"
    And 2 minutes pass
    Then 1 task of "thumbnail" was started by the rule "on-upload"
    And every task the rule "on-upload" started ended with exit code 0

  Scenario: An hourly job runs once an hour
    Given a rule "hourly" runs a task of "thumbnail" on the schedule "rate(1 hour)"
    When 3 hours pass
    Then the rule "hourly" has run its target 3 times
    And 2 minutes pass
    And every task the rule "hourly" started ended with exit code 0
