@concepts:C24 @concepts:C25 @concepts:C35
Feature: IAM roles and secrets
  Two roles matter to a task. The task execution role is what ECS's agent uses before your code runs:
  pulling private images, sending logs, fetching secrets into environment variables. The task role is
  what your application's own AWS calls run as. Take away: "ResourceInitializationError ... not
  authorized to perform: secretsmanager:GetSecretValue" means fix the execution role; an AccessDenied
  from your application means fix the task role.

  Background:
    Given a cluster "demo" with the FARGATE and FARGATE_SPOT capacity providers
    And an execution role "ecsTaskExecutionRole" with the AmazonECSTaskExecutionRolePolicy
    And a secret "db-password" holding "s3cr3t"

  Scenario: The managed execution policy cannot read secrets: the task never starts, and ECS says why
    Take away: A secret the execution role may not read stops the task before it starts, with a ResourceInitializationError.
    Given a Fargate task definition "api" for image "api:1" run by "ecsTaskExecutionRole" with the secret "db-password" as DB_PASSWORD
    When I create a Fargate service "api" with 1 tasks of "api"
    And 2 minutes pass
    Then some stopped task of "api" says "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-… from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/… is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-… because no identity-based policy allows the secretsmanager:GetSecretValue action"
    And the service "api" reports:
      """
      (service api) was unable to place a task. Reason: ResourceInitializationError: unable to pull secrets or registry auth: …
      """

  Scenario: Allowing the execution role to read the secret fixes it
    Take away: Grant secretsmanager:GetSecretValue on that one secret to the execution role, not to the task role.
    Given a Fargate task definition "api" for image "api:1" run by "ecsTaskExecutionRole" with the secret "db-password" as DB_PASSWORD
    And the role "ecsTaskExecutionRole" may also secretsmanager:GetSecretValue on "secret:db-password"
    When I create a Fargate service "api" with 1 tasks of "api"
    Then "api" is back to 1 running tasks within 2 minutes

  Scenario: The application's own call is refused without the right task role
    Take away: An AccessDenied from the application's own AWS call is fixed in the task role, not in the execution role.
    Given a role "reportWriter" that may s3:GetObject on "arn:aws:s3:::reports/*"
    And a Fargate task definition "report" for image "report:1" with the task role "reportWriter"
    And the image "report:1" calls s3:PutObject on "arn:aws:s3:::reports/daily.csv" when it starts
    When I create a Fargate service "report" with 1 tasks of "report"
    And 1 minute passes
    Then some stopped task of "report" says "Essential container in task exited"
    And a stopped container of "report" says "AccessDenied: User: arn:aws:sts::123456789012:assumed-role/reportWriter/… is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::reports/daily.csv"
    When the role "reportWriter" may also s3:PutObject on "arn:aws:s3:::reports/*"
    And I force a new deployment of "report"
    Then the deployment of "report" completes within 5 minutes

  Scenario: Cluster access: a developer may scale the services of one cluster and no other
    Take away: An IAM policy whose Resource is service/<cluster>/* lets a role change the services of that one cluster only.
    Given an empty cluster "dev"
    And 1 more m5.large instance joins the cluster
    And a task definition "web" for image "web:1" with 256 CPU units and 512 MiB of memory
    And a service "web" running 1 tasks of "web"
    And a role "developer" that may change the services of the cluster "dev"
    When as "developer", I scale "web" to 2 tasks
    Then "web" is back to 2 running tasks within 2 minutes
    And as "developer", scaling "web" in the cluster "demo" is refused with:
      """
      User: arn:aws:sts::123456789012:assumed-role/developer/ecs-lab is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-east-1:123456789012:service/demo/web because no identity-based policy allows the ecs:UpdateService action
      """

