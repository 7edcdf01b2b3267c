import { EcsError } from '../../kernel/errors.js';

/**
 * List actions whose engine answer is the full list: the endpoint pages it with nextToken/maxResults, as ECS
 * does, up to ECS's page size for each. ListTasks pages itself in the engine.
 */
export const PAGED_LISTS: Readonly<Record<string, { member: string; maxPage: number }>> = {
  ListClusters: { member: 'clusterArns', maxPage: 100 },
  ListServices: { member: 'serviceArns', maxPage: 100 },
  ListTaskDefinitions: { member: 'taskDefinitionArns', maxPage: 100 },
  ListTaskDefinitionFamilies: { member: 'families', maxPage: 100 },
  ListContainerInstances: { member: 'containerInstanceArns', maxPage: 100 },
  ListAccountSettings: { member: 'settings', maxPage: 10 },
  ListServiceDeployments: { member: 'serviceDeployments', maxPage: 100 },
};

export interface PageRequest {
  maxResults?: unknown;
  nextToken?: unknown;
}

/** How a request names its paging fields: ECS camelCase; Cloud Map and Application Auto Scaling PascalCase. */
export type PageFields = { maxResults: string; nextToken: string };
const ECS_PAGE_FIELDS = { maxResults: 'maxResults', nextToken: 'nextToken' } as const;
export const PASCAL_PAGE_FIELDS = { maxResults: 'MaxResults', nextToken: 'NextToken' } as const;

/** The page of `items` a request asks for; the token is the offset of the next page, as ListTasks writes it. */
function pageOf<T>(items: T[], request: PageRequest, maxPage: number, fields: PageFields): { items: T[]; nextToken?: string } {
  const { maxResults, nextToken } = request;
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > maxPage)) {
    throw new EcsError('InvalidParameterException', `${fields.maxResults} must be an integer from 1 to ${maxPage}.`, fields.maxResults);
  }
  const size = (maxResults as number | undefined) ?? maxPage;
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (nextToken !== undefined && (typeof nextToken !== 'string' || !/^\d+$/.test(nextToken) || start > items.length)) {
    throw new EcsError('InvalidParameterException', `Invalid ${fields.nextToken}.`, fields.nextToken);
  }
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}

/**
 * A list answer cut to the page asked for, with the token of the next page when there is one, named as the
 * request names it unless the service answers under another name (ELBv2 takes Marker, answers NextMarker).
 */
export function pageAnswer(
  full: Record<string, unknown>,
  member: string,
  request: PageRequest,
  maxPage: number,
  fields: PageFields = ECS_PAGE_FIELDS,
  answerToken: string = fields.nextToken,
): Record<string, unknown> {
  const page = pageOf(full[member] as unknown[], request, maxPage, fields);
  return { ...full, [member]: page.items, ...(page.nextToken ? { [answerToken]: page.nextToken } : {}) };
}
