@concepts:C08 @concepts:C26 @concepts:C40
Feature: Cluster auto scaling with a capacity provider
  A capacity provider puts ECS in charge of an Auto Scaling group. Tasks that find no room wait in
  PROVISIONING; ECS publishes CapacityProviderReservation = instances needed / instances running × 100
  (200 when the group is empty) once a minute and scales the group towards the target capacity. With
  managed termination protection, only empty instances are removed, after 15 minutes below target.
  Take away: services scale tasks, capacity providers scale instances, and a cluster can start from zero.
  (Model: an instance takes 60 s to boot and register; one minute above target scales out.)

  Background:
    Given an empty cluster "demo"
    And an Auto Scaling group "workers" of m5.large instances, from 0 to 10, behind the capacity provider "workers-cp" with managed scaling at 100 %
    And a task definition "web" for image "web:1" with 512 CPU units and 1024 MiB of memory

  Scenario: A service on an empty cluster waits in PROVISIONING, then the group scales out from zero
    Take away: With a capacity provider, tasks wait in PROVISIONING while ECS scales the group out, even from zero instances.
    When I create a service "web" with 6 tasks of "web"
    Then 6 tasks of "web" wait in PROVISIONING
    And the cluster has 2 container instances within 5 minutes
    And "web" is back to 6 running tasks within 3 minutes
    And the CapacityProviderReservation of "workers-cp" reached 200

  Scenario: After a scale-in, empty instances go after 15 minutes below target; the busy one is protected
    Take away: Managed termination protection lets the group remove only empty instances, so scale-in never kills a running task.
    Given a service "web" running 6 tasks of "web"
    And the cluster has 2 container instances within 1 minute
    When I scale "web" to 1 tasks
    Then the cluster still has 2 container instances after 10 minutes
    And the cluster has 1 container instance within 10 minutes
    And "web" is back to 1 running tasks within 1 minute

  Scenario: Tasks versus instances: service auto scaling adds tasks, the capacity provider adds their instances
    After the spike the service scales back to 2 tasks, kept in two zones by the default spread, so two
    instances stay: the third, emptied by scale-in, is removed.
    Take away: Service auto scaling decides how many tasks run; the capacity provider then decides how many instances hold them.
    Given an Application Load Balancer "web-alb" forwarding port 80 to a target group "web-tg" of instance targets
    And the deregistration delay of "web-tg" is 30 seconds
    And a service "web" running 2 tasks of "web" behind the target group "web-tg"
    And target tracking keeps the CPU of "web" at 50 % with 2 to 10 tasks
    When clients call the load balancer "web-alb" at 100 requests per second, spiking to 800 after 5 minutes for 30 minutes
    And 20 minutes pass
    Then the desired count of "web" is between 8 and 10
    And the cluster has 3 container instances within 1 minute
    When 60 minutes pass
    Then the desired count of "web" is 2
    And the cluster has 2 container instances within 30 minutes
