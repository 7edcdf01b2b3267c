@concepts:C18 @concepts:C39
Feature: Service-discovery failover: DNS with a TTL against Service Connect
  Clients find a backend either by DNS (Cloud Map A records, cached by the client's resolver for the
  record's TTL) or through Service Connect (a proxy in every task whose endpoint list ECS pushes on each
  change, and which retries a failed connection elsewhere). When a backend task dies, ECS takes it out of
  Cloud Map at once, but a client keeps using the address it cached until the TTL runs out; the proxy
  forgets it within the second. Take away: a DNS TTL is a failover time you chose; Service Connect's is
  seconds. Each scenario kills a task 5 seconds after the clients' last DNS lookup, the worst case.

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And a Cloud Map DNS namespace "demo.local"
    And a Service Connect namespace "mesh"
    And a Fargate task definition "backend" for image "backend:1" with 256 CPU units and 512 MiB of memory

  Scenario: DNS with a 60-second TTL: clients hit the dead task for most of a minute
    Take away: Through DNS, clients keep calling a dead task until their cached answer expires, for up to the TTL.
    Given a Fargate service "backend" running 3 tasks of "backend" found through DNS with a TTL of 60 seconds
    And clients call "backend" through DNS at 300 requests per second
    And 5 seconds pass
    When one task of "backend" is killed
    And 6 minutes pass
    Then the clients saw failed requests for at least 50 seconds
    And the clients saw failed requests for at most 60 seconds

  Scenario: DNS with a 300-second TTL: the error window is five times longer
    Take away: The DNS TTL is the failover time you chose: five times the TTL means five times the failed requests.
    Given a Fargate service "backend" running 3 tasks of "backend" found through DNS with a TTL of 300 seconds
    And clients call "backend" through DNS at 300 requests per second
    And 5 seconds pass
    When one task of "backend" is killed
    And 6 minutes pass
    Then the clients saw failed requests for at least 290 seconds
    And the clients saw failed requests for at most 300 seconds

  Scenario: Service Connect: the proxy drops the dead task at once and retries elsewhere
    Take away: Service Connect's proxy stops sending to a dead task at once and retries elsewhere, so callers barely notice.
    Given a Fargate service "backend" running 3 tasks of "backend" reachable through Service Connect
    And clients call "backend" through Service Connect at 300 requests per second
    And 5 seconds pass
    When one task of "backend" is killed
    And 6 minutes pass
    Then the clients saw failed requests for at most 5 seconds

  Scenario: A lost zone through DNS: a third of requests fail until the TTL runs out
    Take away: Through DNS, a lost zone fails a share of requests until every client's cached answer runs out.
    Given a Fargate service "backend" running 3 tasks of "backend" found through DNS with a TTL of 60 seconds
    And clients call "backend" through DNS at 300 requests per second
    And 5 seconds pass
    When the Availability Zone us-east-1a is lost
    And 6 minutes pass
    Then the clients saw failed requests for at least 50 seconds
    And "backend" is back to 3 running tasks within 2 minutes

  Scenario: A lost zone through Service Connect: no failed request
    Take away: Service Connect routes around a lost zone without waiting for any cache to expire.
    Given a Fargate service "backend" running 3 tasks of "backend" reachable through Service Connect
    And clients call "backend" through Service Connect at 300 requests per second
    And 5 seconds pass
    When the Availability Zone us-east-1a is lost
    And 6 minutes pass
    Then no request of the clients failed since the update

  Scenario: A rolling deployment through DNS: clients keep calling replaced tasks until their cache expires
    Take away: Through DNS, even an ordinary deployment fails requests, because clients keep addresses of tasks that stopped.
    Given a Fargate service "backend" running 3 tasks of "backend" found through DNS with a TTL of 60 seconds
    And clients call "backend" through DNS at 300 requests per second
    And a new revision of "backend" for image "backend:2"
    And 5 seconds pass
    When I deploy revision 2 of "backend"
    Then the deployment of "backend" completes within 10 minutes
    And 5 minutes pass
    And some requests of the clients failed since the update
    And the clients saw failed requests for at most 60 seconds

  Scenario: A rolling deployment through Service Connect: no failed request
    Take away: Service Connect makes a rolling deployment invisible to the services that call the one being deployed.
    Given a Fargate service "backend" running 3 tasks of "backend" reachable through Service Connect
    And clients call "backend" through Service Connect at 300 requests per second
    And a new revision of "backend" for image "backend:2"
    And 5 seconds pass
    When I deploy revision 2 of "backend"
    Then the deployment of "backend" completes within 10 minutes
    And 5 minutes pass
    And no request of the clients failed since the update
