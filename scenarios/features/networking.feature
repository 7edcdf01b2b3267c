@concepts:C11 @concepts:C41 @concepts:C32
Feature: A Fargate task in a private subnet pulls its image
  A Fargate task pulls its image through its own network interface, in the subnet ECS put it in. A private
  subnet's route table sends nothing to the internet, so the pull needs a way out: a NAT gateway, or VPC
  endpoints that bring the registry into the VPC. For ECR those are the interface endpoints ecr.api and
  ecr.dkr and the S3 gateway endpoint, because ECR keeps the image layers in S3. In a public subnet the
  route goes to an internet gateway, which only answers an interface with a public IP.
  Take away: no route to the registry, no image: a NAT gateway, or ECR's two endpoints and S3's, or a
  public IP in a public subnet.
  (Model: only the subnets a scenario configures are modelled, every other subnet reaches everything; the
  wording of the failed layer download is the simulator's.)

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And an execution role "ecsTaskExecutionRole" with the AmazonECSTaskExecutionRolePolicy
    And a Fargate task definition "api" for the ECR image "api:1" run by "ecsTaskExecutionRole"
    And the subnets "subnet-private-a" and "subnet-private-b" have no route to the internet

  Scenario: With no NAT gateway and no VPC endpoint the image pull times out
    Take away: A task in a private subnet with neither a NAT gateway nor VPC endpoints cannot reach ECR, so it stops with CannotPullContainerError.
    When I create a Fargate service "api" with 2 tasks of "api" in the subnets "subnet-private-a" and "subnet-private-b"
    And 2 minutes pass
    Then 0 tasks of "api" are running
    And some stopped task of "api" says "CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection"

  Scenario: A NAT gateway gives the private subnets a way out
    Take away: A NAT gateway lets tasks in private subnets reach any registry, while nothing on the internet can reach them.
    Given the subnets "subnet-private-a" and "subnet-private-b" send internet traffic to a NAT gateway
    When I create a Fargate service "api" with 2 tasks of "api" in the subnets "subnet-private-a" and "subnet-private-b"
    Then "api" is back to 2 running tasks within 2 minutes

  Scenario: VPC endpoints for ECR and S3 let the task pull with no internet at all
    Take away: ecr.api, ecr.dkr and the S3 gateway endpoint bring ECR into the VPC, so tasks pull their images with no route to the internet.
    Given an Interface VPC endpoint for "ecr.api"
    And an Interface VPC endpoint for "ecr.dkr"
    And a Gateway VPC endpoint for "s3"
    When I create a Fargate service "api" with 2 tasks of "api" in the subnets "subnet-private-a" and "subnet-private-b"
    Then "api" is back to 2 running tasks within 2 minutes

  Scenario: Without the S3 gateway endpoint ECR answers, but the image layers never come
    Take away: ECR keeps image layers in S3, so the ECR endpoints alone are not enough: the S3 gateway endpoint is needed too.
    Given an Interface VPC endpoint for "ecr.api"
    And an Interface VPC endpoint for "ecr.dkr"
    When I create a Fargate service "api" with 2 tasks of "api" in the subnets "subnet-private-a" and "subnet-private-b"
    And 2 minutes pass
    Then 0 tasks of "api" are running
    And some stopped task of "api" says "CannotPullContainerError: error pulling image configuration: Get https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/: net/http: request canceled while waiting for connection"

  Scenario: In a public subnet the task needs a public IP as well
    Take away: An internet gateway only answers interfaces with a public IP: in a public subnet set assignPublicIp to ENABLED.
    Given the subnet "subnet-public-a" sends internet traffic to an internet gateway
    When I create a Fargate service "no-ip" with 1 task of "api" in the subnet "subnet-public-a" with assignPublicIp DISABLED
    And I create a Fargate service "with-ip" with 1 task of "api" in the subnet "subnet-public-a" with assignPublicIp ENABLED
    And 2 minutes pass
    Then some stopped task of "no-ip" says "CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection"
    And 1 tasks of "with-ip" are running
