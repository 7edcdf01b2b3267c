import { EcsError } from '../../api/errors.js';

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
};

export interface PageRequest {
  maxResults?: unknown;
  nextToken?: unknown;
}

/** The page of `items` a request asks for; the token is the offset of the next page, as ListTasks writes it. */
export function pageOf<T>(items: T[], request: PageRequest, maxPage: number): { items: T[]; nextToken?: string } {
  const { maxResults, nextToken } = request;
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > maxPage)) {
    throw new EcsError('InvalidParameterException', `maxResults must be an integer from 1 to ${maxPage}.`, 'maxResults');
  }
  const size = (maxResults as number | undefined) ?? maxPage;
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (nextToken !== undefined && (typeof nextToken !== 'string' || !/^\d+$/.test(nextToken) || start > items.length)) {
    throw new EcsError('InvalidParameterException', 'Invalid nextToken.', 'nextToken');
  }
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}
