import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elbv2Api } from '../../core/shell/server/elbv2-operations.js';
import { queryErrorXml, queryInput, queryResultXml } from '../../core/shell/server/query-protocol.js';
import { startTestServer, type TestServer } from './test-server.js';

describe('reading an AWS Query request', () => {
  it('turns member lists and nested structures into the JSON shape, in member order, with numbers as numbers', () => {
    const params = new URLSearchParams();
    params.set('Action', 'ModifyListener');
    params.set('Version', '2015-12-01');
    params.set('ListenerArn', 'arn:listener');
    params.set('DefaultActions.member.1.Type', 'forward');
    for (let i = 1; i <= 10; i++) {
      params.set(`DefaultActions.member.1.ForwardConfig.TargetGroups.member.${i}.TargetGroupArn`, `tg-${i}`);
      params.set(`DefaultActions.member.1.ForwardConfig.TargetGroups.member.${i}.Weight`, String(i * 10));
    }
    const input = queryInput(params, elbv2Api);
    expect(input).toEqual({
      ListenerArn: 'arn:listener',
      DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: Array.from({ length: 10 }, (_, i) => ({ TargetGroupArn: `tg-${i + 1}`, Weight: (i + 1) * 10 })) } }],
    });
  });

  it('leaves a number member that is not a number as text, for the engine to reject by name', () => {
    expect(queryInput(new URLSearchParams('Name=tg&Port=eighty'), elbv2Api)).toEqual({ Name: 'tg', Port: 'eighty' });
  });

  it('keeps a crafted __proto__ key out of every object prototype', () => {
    const input = queryInput(new URLSearchParams('__proto__.polluted=yes&Name=tg'), elbv2Api);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(input.Name).toBe('tg');
  });
});

describe('writing an AWS Query answer', () => {
  it('writes lists as member elements inside <Action>Result, and escapes text', () => {
    const xml = queryResultXml(elbv2Api, 'DescribeTargetGroups', { TargetGroups: [{ TargetGroupName: 'a&b', LoadBalancerArns: ['arn:1', 'arn:2'] }] }, 'req-1');
    expect(xml).toContain(
      '<DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeTargetGroupsResult>' +
        '<TargetGroups><member><TargetGroupName>a&amp;b</TargetGroupName><LoadBalancerArns><member>arn:1</member><member>arn:2</member></LoadBalancerArns></member></TargetGroups>' +
        '</DescribeTargetGroupsResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeTargetGroupsResponse>',
    );
  });

  it('writes an error as ErrorResponse with Type Sender for a client error and Receiver for a server one', () => {
    expect(queryErrorXml('TargetGroupNotFound', 'One <or> more', 400, 'r')).toContain('<Error><Type>Sender</Type><Code>TargetGroupNotFound</Code><Message>One &lt;or&gt; more</Message></Error>');
    expect(queryErrorXml('InternalFailure', 'boom', 500, 'r')).toContain('<Type>Receiver</Type>');
  });
});

describe('AWS Query requests on the endpoint', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const post = async (body: string) => {
    const response = await fetch(`${t.server.url}/`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };

  it('serves an unsigned request (curl) by its Version', async () => {
    await post('Action=CreateTargetGroup&Version=2015-12-01&Name=web-tg&Port=8080');
    const answer = await post('Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=web-tg');
    expect(answer).toMatchObject({ status: 200, contentType: 'text/xml' });
    expect(answer.text).toMatch(/<TargetGroupName>web-tg<\/TargetGroupName><Protocol>HTTP<\/Protocol><Port>8080<\/Port>/);
  });

  it('answers a request without Action with MissingAction in the XML error shape', async () => {
    const answer = await post('Version=2015-12-01');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>MissingAction</Code>');
  });

  it('answers a Query request for a service it does not serve with InvalidAction naming those it does', async () => {
    const answer = await post('Action=Publish&Version=2010-03-31');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>InvalidAction</Code><Message>ecs-lab serves the AWS Query protocol for Elastic Load Balancing (elasticloadbalancing, Version 2015-12-01), Amazon CloudWatch (monitoring, Version 2010-08-01), AWS Identity and Access Management (iam, Version 2010-05-08), Amazon SQS (sqs, Version 2012-11-05) only.</Message>');
  });

  it('answers a body over the limit with 413 in the XML error shape', async () => {
    const answer = await post(`Action=DescribeTargetGroups&Version=2015-12-01&Pad=${'x'.repeat(1024 * 1024)}`);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('<Code>RequestEntityTooLargeException</Code>');
  });
});
