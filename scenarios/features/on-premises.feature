@concepts:C03,C05
Feature: On-premises servers with ECS Anywhere
  ECS Anywhere registers your own servers (through an SSM activation and the ECS agent) as container
  instances of a cluster. They take only tasks launched with the EXTERNAL launch type, and EC2 tasks never
  land on them. ECS can only reach a server through its agent: while the agent is disconnected, ECS places
  nothing there (the AGENT failure) and the tasks already there keep running.
  Take away: ECS schedules your hardware like EC2, but the network between them is yours to keep up.

  Background:
    Given a cluster "hybrid" with 1 m5.large instance across 1 zone
    And 2 on-premises servers with 4 vCPUs and 8 GiB of memory join the cluster
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory

  Scenario: EXTERNAL tasks run only on your own servers
    Take away: Tasks with the EXTERNAL launch type run only on ECS Anywhere servers, never on the cluster's EC2 instances.
    Given a service "web" running 4 tasks of "web" on the on-premises servers
    When 2 minutes pass
    Then 4 tasks of "web" run on the on-premises servers
    And instance 1 runs 0 tasks

  Scenario: A server whose agent is disconnected keeps its tasks but gets no new ones
    Take away: A server whose agent is disconnected keeps its tasks, but ECS places nothing new on it until it reconnects.
    Given a service "web" running 2 tasks of "web" on the on-premises servers
    And 2 minutes pass
    When the agent of instance 2 loses its connection
    And the agent of instance 3 loses its connection
    Then running a task of "web" on the on-premises servers fails with AGENT
    And 10 minutes pass
    And 2 tasks of "web" run on the on-premises servers
    When the agent of instance 2 reconnects
    And I scale "web" to 3 tasks
    Then "web" is back to 3 running tasks within 2 minutes
    And instance 2 runs 2 tasks
    And instance 3 runs 1 task
