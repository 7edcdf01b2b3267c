import { EcsError } from '../../api/errors.js';

/**
 * List actions whose engine answer is the full list: the endpoint pages it with nextToken/maxResults, as ECS
 * does (at most 100 per page). ListTasks pages itself in the engine.
 */
export const PAGED_LISTS: Readonly<Record<string, string>> = {
  ListClusters: 'clusterArns',
  ListServices: 'serviceArns',
  ListTaskDefinitions: 'taskDefinitionArns',
  ListContainerInstances: 'containerInstanceArns',
};

const MAX_PAGE = 100;

export interface PageRequest {
  maxResults?: unknown;
  nextToken?: unknown;
}

/** The page of `items` a request asks for; the token is the offset of the next page, as ListTasks writes it. */
export function pageOf<T>(items: T[], request: PageRequest): { items: T[]; nextToken?: string } {
  const { maxResults, nextToken } = request;
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > MAX_PAGE)) {
    throw new EcsError('InvalidParameterException', `maxResults must be an integer from 1 to ${MAX_PAGE}.`, 'maxResults');
  }
  const size = (maxResults as number | undefined) ?? MAX_PAGE;
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (nextToken !== undefined && (typeof nextToken !== 'string' || !/^\d+$/.test(nextToken) || start > items.length)) {
    throw new EcsError('InvalidParameterException', 'Invalid nextToken.', 'nextToken');
  }
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}
