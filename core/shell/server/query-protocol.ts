import { faultOf } from './aws-json-protocol.js';
import type { QueryServedApi } from './served-api.js';

/**
 * The AWS Query protocol, as ELBv2 and CloudWatch speak it to the AWS CLI: a form-encoded body
 * (`Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=...`), lists as `Name.member.N`, structures
 * as `Name.Member`, and XML answers. Everything arrives as text; the API says which members are numbers or
 * booleans. (Maps, `Name.entry.N.key`, are left out: no operation served takes one.)
 */

export const XML_CONTENT_TYPE = 'text/xml';

export function isQueryRequest(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

type Tree = { [key: string]: Tree | string };

function typed(member: string, value: string, api: QueryServedApi): unknown {
  // A value that does not read as its type stays text, so the engine names the field and the rule.
  if (api.numberMembers.has(member) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (api.booleanMembers.has(member) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function collapse(node: Tree | string, member: string, api: QueryServedApi): unknown {
  if (typeof node === 'string') return typed(member, node, api);
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object') {
    const list = node.member;
    return Object.keys(list)
      .sort((a, b) => Number(a) - Number(b))
      .map((index) => collapse(list[index], member, api));
  }
  return Object.fromEntries(keys.map((key) => [key, collapse(node[key], key, api)]));
}

/** The request members (all but Action and Version) as the JSON shape the engine's facades take. */
export function queryInput(params: URLSearchParams, api: QueryServedApi): Record<string, unknown> {
  // Null-prototype nodes: a crafted key such as `__proto__.x` must not reach Object.prototype.
  const root: Tree = Object.create(null);
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const path = key.split('.');
    let node = root;
    for (const segment of path.slice(0, -1)) {
      if (typeof node[segment] !== 'object') node[segment] = Object.create(null);
      node = node[segment] as Tree;
    }
    node[path[path.length - 1]] = value;
  }
  return collapse(root, '', api) as Record<string, unknown>;
}

export const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Lists become `member` elements, as the Query protocol writes them; an absent member is left out. */
function toXml(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function queryResultXml(api: QueryServedApi, action: string, result: unknown, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${api.xmlNamespace}">` +
    `<${action}Result>${(api.resultXml ?? toXml)(result ?? {})}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>\n`
  );
}

/** The Query error shape botocore reads: Code and Message; Type says whose fault it was. */
export function queryErrorXml(code: string, message: string, status: number, requestId: string, api?: QueryServedApi): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${api ? ` xmlns="${api.xmlNamespace}"` : ''}>` +
    `<Error><Type>${faultOf(status)}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>\n`
  );
}
