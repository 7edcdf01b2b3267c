import { describe, expect, it } from 'vitest';
import { signV4 } from '../../core/shell/remote/sign-v4.js';

describe('Signature Version 4 of an ECS request', () => {
  it('signs as botocore does (its SigV4Auth, 1.43.11, gave this signature for the same request and instant)', () => {
    const headers = signV4(
      {
        url: new URL('https://ecs.eu-west-1.amazonaws.com/'),
        region: 'eu-west-1',
        service: 'ecs',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.ListClusters' },
        body: '{}',
      },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'TOKEN' },
      new Date('2026-11-22T10:38:20Z'),
    );
    expect(headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
      'x-amz-date': '20261122T103820Z',
      'x-amz-security-token': 'TOKEN',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=a431c504b83cde0ab0db92ab1604fd895a7864e78da18807ef2708d04d0d8b8e',
    });
  });
});
