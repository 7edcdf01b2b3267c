import { EcsError } from '../../kernel/errors.js';
import type { OperationModel } from '../../kernel/api-model.js';
import { ECS_API_MODEL } from '../../ecs/api-model/ecs-api-model.js';
import { ECS_OPERATIONS, type TabledOperation } from '../../sim/ecs-operations.js';

/** ECS's largest page where it is not 100 (the API reference's maxResults ranges). */
const ECS_PAGE_SIZES: Readonly<Record<string, number>> = { ListAccountSettings: 10 };

/**
 * The list member of an ECS operation's answer that comes in pages: the model's pagination, or for an
 * operation it does not mark, the one list of an answer that has a nextToken (ListServiceDeployments).
 */
function pagedMember(operation: OperationModel): string | undefined {
  if (operation.paginated?.items) return operation.paginated.items;
  const input = ECS_API_MODEL.shapes[operation.input].members!;
  const output = ECS_API_MODEL.shapes[operation.output].members!;
  if (!('nextToken' in input && 'maxResults' in input && 'nextToken' in output)) return undefined;
  const lists = Object.keys(output).filter((name) => ECS_API_MODEL.shapes[output[name]].type === 'list');
  return lists.length === 1 ? lists[0] : undefined;
}

/**
 * List actions whose engine answer is the full list: the endpoint pages it with nextToken/maxResults, as ECS
 * does. An operation whose engine function reads nextToken itself (ListTasks) pages in the engine.
 */
export const PAGED_LISTS: Readonly<Record<string, { member: string; maxPage: number }>> = Object.fromEntries(
  Object.entries(ECS_API_MODEL.operations).flatMap(([name, operation]) => {
    const member = pagedMember(operation);
    const pagesItself = ECS_OPERATIONS[name as TabledOperation]?.simulated.includes('nextToken');
    return member && !pagesItself ? [[name, { member, maxPage: ECS_PAGE_SIZES[name] ?? 100 }]] : [];
  }),
);

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
