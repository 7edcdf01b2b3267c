import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs';

describe.skipIf(!cliPresent)('aws sqs (AWS Query protocol, as CLI v2.9 sends it) against ecs-lab serve', () => {
  let t: TestServer;
  const { json: sqsJson, error: sqsError } = awsService(() => t.server.url, 'sqs');
  const counts = async () => (await sqsJson('get-queue-attributes', '--queue-url', QUEUE_URL, '--attribute-names', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible')).Attributes;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('creates a queue with attributes and finds its URL by name', async () => {
    expect(await sqsJson('create-queue', '--queue-name', 'jobs', '--attributes', 'VisibilityTimeout=10')).toEqual({ QueueUrl: QUEUE_URL });
    expect(await sqsJson('get-queue-url', '--queue-name', 'jobs')).toEqual({ QueueUrl: QUEUE_URL });
    const { Attributes } = await sqsJson('get-queue-attributes', '--queue-url', QUEUE_URL, '--attribute-names', 'All');
    expect(Attributes).toMatchObject({ VisibilityTimeout: '10', DelaySeconds: '0', QueueArn: 'arn:aws:sqs:us-east-1:123456789012:jobs' });
  });

  it('sends a message, receives it with its receive count, and deletes it by its receipt handle', async () => {
    const body = 'order <7> & "friends" ✓';
    const sent = await sqsJson('send-message', '--queue-url', QUEUE_URL, '--message-body', body);
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
    const { Messages } = await sqsJson('receive-message', '--queue-url', QUEUE_URL, '--attribute-names', 'ApproximateReceiveCount');
    expect(Messages).toEqual([
      expect.objectContaining({ MessageId: sent.MessageId, Body: body, MD5OfBody: sent.MD5OfMessageBody, Attributes: expect.objectContaining({ ApproximateReceiveCount: '1' }) }),
    ]);
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1' });
    expect(await sqsJson('delete-message', '--queue-url', QUEUE_URL, '--receipt-handle', Messages[0].ReceiptHandle)).toEqual({});
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('hands a message received but not deleted out again once its visibility timeout has passed', async () => {
    const { MessageId } = await sqsJson('send-message', '--queue-url', QUEUE_URL, '--message-body', 'retry me');
    await sqsJson('receive-message', '--queue-url', QUEUE_URL);
    expect(await sqsJson('receive-message', '--queue-url', QUEUE_URL)).toEqual({});
    await t.sim('advance', { seconds: 11 });
    const { Messages } = await sqsJson('receive-message', '--queue-url', QUEUE_URL, '--attribute-names', 'All');
    expect(Messages).toEqual([expect.objectContaining({ MessageId, Attributes: expect.objectContaining({ ApproximateReceiveCount: '2' }) })]);
  });

  it("answers a queue that does not exist with SQS's Query error code", async () => {
    const message = await sqsError('get-queue-url', '--queue-name', 'nope');
    expect(message).toContain('An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.');
  });

  it('answers an attribute value out of range with InvalidAttributeValue, creating nothing', async () => {
    const message = await sqsError('create-queue', '--queue-name', 'slow', '--attributes', 'VisibilityTimeout=99999');
    expect(message).toContain('An error occurred (InvalidAttributeValue) when calling the CreateQueue operation: Invalid value for the parameter VisibilityTimeout');
    expect(await sqsError('get-queue-url', '--queue-name', 'slow')).toContain('(AWS.SimpleQueueService.NonExistentQueue)');
  });

  it('sets a redrive policy to a dead-letter queue and refuses one to a queue that does not exist', async () => {
    const dlqUrl = (await sqsJson('create-queue', '--queue-name', 'jobs-dlq')).QueueUrl;
    const policy = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq', maxReceiveCount: 3 });
    expect(await sqsJson('set-queue-attributes', '--queue-url', QUEUE_URL, '--attributes', JSON.stringify({ RedrivePolicy: policy, MessageRetentionPeriod: '600' }))).toEqual({});
    const { Attributes } = await sqsJson('get-queue-attributes', '--queue-url', QUEUE_URL, '--attribute-names', 'RedrivePolicy', 'MessageRetentionPeriod');
    expect({ ...Attributes, RedrivePolicy: JSON.parse(Attributes.RedrivePolicy) }).toEqual({
      RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq', maxReceiveCount: 3 },
      MessageRetentionPeriod: '600',
    });
    const missing = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:nope', maxReceiveCount: 3 });
    const message = await sqsError('set-queue-attributes', '--queue-url', dlqUrl, '--attributes', JSON.stringify({ RedrivePolicy: missing }));
    expect(message).toContain(`An error occurred (InvalidParameterValue) when calling the SetQueueAttributes operation: Value ${missing} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
    expect((await sqsJson('get-queue-attributes', '--queue-url', dlqUrl, '--attribute-names', 'All')).Attributes.RedrivePolicy).toBeUndefined();
  });
});

describe('Amazon SQS over AWS JSON 1.0, as newer SDKs and AWS CLI v1.45 send it', () => {
  let t: TestServer;
  const call = async (action: string, body: unknown) => rawCall(t.server, `AmazonSQS.${action}`, JSON.stringify(body)) as Promise<{ status: number; headers: Headers; body: any }>;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('creates a queue, sends a message and receives it by the AmazonSQS target', async () => {
    expect((await call('CreateQueue', { QueueName: 'jobs', Attributes: { DelaySeconds: '0' } })).body).toEqual({ QueueUrl: QUEUE_URL });
    const sent = await call('SendMessage', { QueueUrl: QUEUE_URL, MessageBody: 'hello' });
    expect(sent.status).toBe(200);
    const received = await call('ReceiveMessage', { QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10 });
    expect(received.body.Messages).toEqual([expect.objectContaining({ MessageId: sent.body.MessageId, Body: 'hello' })]);
    expect((await call('DeleteMessage', { QueueUrl: QUEUE_URL, ReceiptHandle: received.body.Messages[0].ReceiptHandle })).body).toEqual({});
    expect((await call('GetQueueAttributes', { QueueUrl: QUEUE_URL, AttributeNames: ['ApproximateNumberOfMessages'] })).body).toEqual({ Attributes: { ApproximateNumberOfMessages: '0' } });
  });

  it('answers in application/x-amz-json-1.0, the version of the SQS model, errors too', async () => {
    const created = await call('CreateQueue', { QueueName: 'typed' });
    const missing = await call('GetQueueUrl', { QueueName: 'nope' });
    expect([created.headers.get('content-type'), missing.headers.get('content-type')]).toEqual(['application/x-amz-json-1.0', 'application/x-amz-json-1.0']);
  });

  it('sets queue attributes, refusing a maxReceiveCount out of range with InvalidParameterValue', async () => {
    await call('CreateQueue', { QueueName: 'poison-dlq' });
    const url = (await call('CreateQueue', { QueueName: 'poison' })).body.QueueUrl;
    const policy = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:poison-dlq', maxReceiveCount: 1001 });
    const refused = await call('SetQueueAttributes', { QueueUrl: url, Attributes: { RedrivePolicy: policy } });
    expect([refused.status, refused.body.__type, refused.headers.get('x-amzn-query-error')]).toEqual([400, 'InvalidParameterValue', 'InvalidParameterValue;Sender']);
    expect(refused.body.message).toContain('Invalid value for maxReceiveCount: 1001, valid values are from 1 to 1000 both inclusive.');
    expect((await call('SetQueueAttributes', { QueueUrl: url, Attributes: { VisibilityTimeout: '5' } })).body).toEqual({});
    expect((await call('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] })).body).toEqual({ Attributes: { VisibilityTimeout: '5' } });
  });

  it('answers a queue that does not exist with QueueDoesNotExist, its name in the JSON protocol', async () => {
    const answer = await call('GetQueueUrl', { QueueName: 'nope' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'QueueDoesNotExist', message: 'The specified queue does not exist.' });
  });

  it('also names the error by its Query code in x-amzn-query-error, the code SDKs and the CLI report', async () => {
    const missing = await call('SendMessage', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/nope', MessageBody: 'hello' });
    expect(missing.status).toBe(400);
    expect(missing.body.__type).toBe('QueueDoesNotExist');
    expect(missing.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    await call('CreateQueue', { QueueName: 'twice', Attributes: { DelaySeconds: '0' } });
    const clash = await call('CreateQueue', { QueueName: 'twice', Attributes: { DelaySeconds: '5' } });
    expect([clash.body.__type, clash.headers.get('x-amzn-query-error')]).toEqual(['QueueNameExists', 'QueueAlreadyExists;Sender']);
    // A code Query and JSON share is sent as it is.
    const badValue = await call('CreateQueue', { QueueName: 'slow', Attributes: { VisibilityTimeout: '99999' } });
    expect([badValue.body.__type, badValue.headers.get('x-amzn-query-error')]).toEqual(['InvalidAttributeValue', 'InvalidAttributeValue;Sender']);
  });

  it('leaves the header out for services that never spoke Query', async () => {
    const answer = await rawCall(t.server, 'AWSEvents.DescribeRule', JSON.stringify({ Name: 'nope' }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-query-error')).toBeNull();
  });
});
