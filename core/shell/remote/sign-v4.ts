import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for one POST with a JSON body, as the SDKs sign it: a simulator only reads the
 * region from the credential scope, AWS checks the signature.
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedRequest {
  url: URL;
  region: string;
  /** The service in the credential scope: `ecs`. */
  service: string;
  /** Every header to send but host, x-amz-date and authorization, which signing adds. */
  headers: Record<string, string>;
  body: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** The headers to send: the request's own with x-amz-date, the session token if any, and authorization. */
export function signV4(request: SignedRequest, credentials: Credentials, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const sent: Record<string, string> = {
    ...Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value.trim()])),
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  // fetch adds the host header itself; it is signed all the same.
  const signed: Record<string, string> = { ...sent, host: request.url.host };
  const names = Object.keys(signed).sort();
  const signedHeaders = names.join(';');
  const canonical = ['POST', request.url.pathname, request.url.search.slice(1), ...names.map((n) => `${n}:${signed[n]}`), '', signedHeaders, sha256(request.body)].join('\n');
  const scope = `${day}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = [day, request.region, request.service, 'aws4_request'].reduce<string | Buffer>((k, part) => hmac(k, part), `AWS4${credentials.secretAccessKey}`);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}
