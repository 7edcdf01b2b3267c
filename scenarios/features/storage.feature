@concepts:C46
Feature: Storage: what survives a task
  A container writes to its own writable layer unless a volume is mounted; that storage goes when the
  task stops, and a replacement starts empty. An EFS volume lives outside the tasks: every task that
  mounts it sees the same files, and they outlive any one task. Take away: keep state on EFS (or in a
  database or S3), never in the task.
  (The demo application adds one to /data/minutes every minute it runs.)

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And an EFS file system "shared"

  Scenario: A counter in the task's own storage starts again from zero in the replacement
    Take away: A task's own storage goes with the task, so a replacement starts from nothing.
    Given a Fargate task definition "counter" for image "counter:1" that counts minutes in its own storage
    And a Fargate service "counter" running 1 task of "counter"
    And 5 minutes pass
    And the counter of "counter" reads 5
    When one task of "counter" is killed
    Then "counter" is back to 1 running tasks within 2 minutes
    And 3 minutes pass
    And the counter of "counter" reads 3

  Scenario: On EFS the counter carries on in the replacement
    Take away: Data on an EFS volume outlives the task, so a replacement carries on where the old one stopped.
    Given a Fargate task definition "counter" for image "counter:1" that counts minutes on "shared"
    And a Fargate service "counter" running 1 task of "counter"
    And 5 minutes pass
    And the counter of "counter" reads 5
    When one task of "counter" is killed
    Then "counter" is back to 1 running tasks within 2 minutes
    And 3 minutes pass
    And the counter of "counter" reads 8
