@concepts:C17 @concepts:C47 @concepts:C26
Feature: Service auto scaling with target tracking
  Application Auto Scaling keeps a service's average CPU near a target: three one-minute datapoints above
  it scale out in proportion (ceil(tasks × CPU / target)), fifteen below 0.9 × target scale in, a step at a
  time, and each action waits out a 300-second cooldown. Scheduled actions change the minimum and maximum
  at set times. Take away: scale-out is fast and proportional, scale-in slow and careful, and tasks scale
  on the service while instances scale on the cluster.
  (Model: a task's CPU is its image's idle CPU plus 100 % at 200 requests a second; its memory, its base plus what its requests hold.)

  Background:
    Given a cluster "demo" with 4 m5.xlarge instances across 2 zones
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-tg" of instance targets
    And the deregistration delay of "web-tg" is 30 seconds
    And a service "web" running 2 tasks of "web" behind the target group "web-tg"

  Scenario: A traffic spike scales the service out in proportion; it scales back in slowly afterwards
    Take away: Target tracking scales out in proportion to the breach within minutes and scales back in one careful step at a time.
    Given target tracking keeps the CPU of "web" at 50 % with 2 to 10 tasks
    When clients call the load balancer "web-alb" at 100 requests per second, spiking to 800 after 5 minutes for 30 minutes
    And 20 minutes pass
    Then the desired count of "web" is between 8 and 10
    And the CPU of "web" was at most 60 % over the last 5 minutes
    When 50 minutes pass
    Then the desired count of "web" is 2
    And "web" scaled out in bigger steps than it scaled in

  Scenario: A scheduled action scales the service in for the night
    Take away: A scheduled action changes the minimum and maximum capacity at set times, and the desired count follows.
    Given target tracking keeps the CPU of "web" at 50 % with 2 to 10 tasks
    And a scheduled action "night" sets "web" to between 1 and 1 tasks at "cron(0 22 * * ? *)"
    When 14 hours pass
    Then the desired count of "web" is 1
    And "web" is back to 1 running tasks within 2 minutes

  Scenario: Step scaling adds one task above 70 % CPU and three above 90 %
    A CloudWatch alarm on the service's CPU runs a step scaling policy every minute it stays in ALARM. The
    size of the breach picks the step; during the 300-second cooldown, tasks a scale-out already added
    count toward the next one.
    Take away: Step scaling adds the tasks of the step that the size of the breach falls into, each minute the alarm stays in ALARM.
    Given step scaling adds tasks to "web", 2 to 10 tasks, when the CPU alarm "web-cpu-high" is above 70 % for 2 minutes:
      | CPU from | CPU below | add tasks |
      | 70       | 90        | 1         |
      | 90       |           | 3         |
    When clients call the load balancer "web-alb" at 300 requests per second, spiking to 1000 after 10 minutes for 30 minutes
    And 10 minutes pass
    Then the desired count of "web" is 3
    When 30 minutes pass
    Then the desired count of "web" is 8
    And the scaling activities of "web" are, oldest first:
      | Description                 | Cause                                                                   |
      | Setting desired count to 3. | monitor alarm web-cpu-high in state ALARM triggered policy web-cpu-steps |
      | Setting desired count to 6. | monitor alarm web-cpu-high in state ALARM triggered policy web-cpu-steps |
      | Setting desired count to 7. | monitor alarm web-cpu-high in state ALARM triggered policy web-cpu-steps |
      | Setting desired count to 8. | monitor alarm web-cpu-high in state ALARM triggered policy web-cpu-steps |
    And the service "web" reports:
      """
      (service web) has started 3 tasks: (task …) (task …) (task …).
      """

  Scenario: Scaling on memory follows the load
    The application holds memory for every request it is serving (connections, buffers), so its memory
    rises and falls with the traffic, and target tracking on the service's average memory can follow it.
    The arithmetic, for tasks of 512 MiB each holding 64 MiB + 2 MiB × the requests per second it serves:
    at 100 requests a second 2 tasks serve 50 each: 164 MiB, 32 %, under the target, at the minimum.
    At 540, each of 2 tasks is asked 270 but serves its capacity, 200: 464 MiB, 90.6 %; three minutes above
    50 % scale out to ceil(2 × 90.6 / 50) = 4. Four tasks serve 135 each: 334 MiB, 65.2 %; after the 300 s
    cooldown, ceil(4 × 65.2 / 50) = 6. Six serve 90 each: 244 MiB, 47.7 %, between 45 % (0.9 × target)
    and 50 %: it holds. Back at 100, 6 tasks serve 16.7 each: 97 MiB, 19 %; fifteen minutes under 45 % scale
    in, one gradual step every 300 s: max(2, ceil(6 × 19 / 50) = 3, 6 - max(1, (6 - 3) / 2 rounded down)) = 5,
    then 4 (5 tasks at 20.3 %), 3 (4 at 22.3 %), and 2 (3 at 25.6 %), the minimum.
    Take away: Scale on memory only when the application's memory rises and falls with its load, or it will never scale in.
    Given each task of "web:1" holds 64 MiB, plus 2 MiB for every request per second it serves
    And target tracking keeps the memory of "web" at 50 % with 2 to 10 tasks
    When clients call the load balancer "web-alb" at 100 requests per second, spiking to 540 after 5 minutes for 30 minutes
    And 20 minutes pass
    Then the desired count of "web" is 6
    When 25 minutes pass
    Then the desired count of "web" is 6
    When 25 minutes pass
    Then the desired count of "web" is 2
    And the scaling activities of "web" are, oldest first:
      | Description                 | Cause                                                                                                 |
      | Setting desired count to 4. | monitor alarm TargetTracking-service/demo/web-AlarmHigh in state ALARM triggered policy web-memory-50 |
      | Setting desired count to 6. | monitor alarm TargetTracking-service/demo/web-AlarmHigh in state ALARM triggered policy web-memory-50 |
      | Setting desired count to 5. | monitor alarm TargetTracking-service/demo/web-AlarmLow in state ALARM triggered policy web-memory-50  |
      | Setting desired count to 4. | monitor alarm TargetTracking-service/demo/web-AlarmLow in state ALARM triggered policy web-memory-50  |
      | Setting desired count to 3. | monitor alarm TargetTracking-service/demo/web-AlarmLow in state ALARM triggered policy web-memory-50  |
      | Setting desired count to 2. | monitor alarm TargetTracking-service/demo/web-AlarmLow in state ALARM triggered policy web-memory-50  |
