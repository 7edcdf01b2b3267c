import type { Tag } from './types.js';
import { EcsError, invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalArray, optionalString, requireObject } from '../../kernel/fields.js';

/** ECS allows 50 user tags per resource; keys of 1-128 characters, values of at most 256. */
const MAX_TAGS = 50;

/** The old short ARN of a service, task or container instance (service/NAME, without the cluster): refused for tagging. */
const SHORT_ARN = /:(service|task|container-instance)\/[^/]+$/;

/**
 * The resource an ARN names (cluster, service, task, container instance or task definition): its tag list,
 * and how to give it a new one. Lists are replaced, never edited, so that what keeps a resource's list (a
 * task's state change events) keeps the tags as they were.
 */
function taggedResource(ctx: SimContext, resourceArn: unknown): { tags: readonly Tag[]; replace: (tags: Tag[]) => void } {
  const arn = optionalString(resourceArn, 'resourceArn');
  if (!arn) throw invalidParameter('resourceArn should not be null or empty.', 'resourceArn');
  if (!/^arn:aws:ecs:[^:]+:\d{12}:[a-z-]+\/.+/.test(arn)) throw invalidParameter('Invalid resource ARN.', 'resourceArn');
  if (SHORT_ARN.test(arn)) throw invalidParameter('Long arn format must be used for tagging operations', 'resourceArn');
  const taskDefinition = ctx.state.taskDefinitionTags.get(arn);
  if (taskDefinition) return { tags: taskDefinition, replace: (tags) => ctx.state.taskDefinitionTags.set(arn, tags) };
  for (const cluster of ctx.state.clusters.values()) {
    const owner =
      cluster.arn === arn ? cluster : ([...cluster.services.values()].find((s) => s.arn === arn) ?? cluster.tasks.get(arn) ?? cluster.instances.get(arn));
    if (owner) return { tags: owner.tags, replace: (tags) => (owner.tags = tags) };
  }
  throw new EcsError('ResourceNotFoundException', 'The specified resource could not be found.', 'resourceArn');
}

function validTags(input: unknown): Tag[] {
  const tags = optionalArray(input, 'tags', MAX_TAGS);
  if (!tags || tags.length === 0) throw invalidParameter('tags should not be null or empty.', 'tags');
  return tags.map((raw, i) => {
    const tag = requireObject(raw, `tags[${i}]`);
    const key = optionalString(tag.key, `tags[${i}].key`);
    const value = optionalString(tag.value, `tags[${i}].value`) ?? '';
    if (!key || key.length > 128) throw invalidParameter(`tags[${i}].key must be 1 to 128 characters.`, `tags[${i}].key`);
    if (value.length > 256) throw invalidParameter(`tags[${i}].value can be at most 256 characters.`, `tags[${i}].value`);
    if (key.toLowerCase().startsWith('aws:')) throw invalidParameter('Tag keys starting with aws: are reserved for AWS use.', `tags[${i}].key`);
    return { key, value };
  });
}

/** TagResource: adds tags, replacing the value of a key that is already there. */
export function tagResource(ctx: SimContext, input: { resourceArn: string; tags: Tag[] }): Record<string, never> {
  const request = requireObject(input, 'request');
  const resource = taggedResource(ctx, request.resourceArn);
  const added = validTags(request.tags);
  const merged = new Map(resource.tags.map((t) => [t.key, t.value]));
  for (const tag of added) merged.set(tag.key, tag.value);
  if (merged.size > MAX_TAGS) throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`, 'tags');
  resource.replace([...merged].map(([key, value]) => ({ key, value })));
  return {};
}

/** UntagResource: removes the named keys; keys that are not there are ignored, as in ECS. */
export function untagResource(ctx: SimContext, input: { resourceArn: string; tagKeys: string[] }): Record<string, never> {
  const request = requireObject(input, 'request');
  const resource = taggedResource(ctx, request.resourceArn);
  const keys = optionalArray(request.tagKeys, 'tagKeys', MAX_TAGS);
  if (!keys || keys.length === 0) throw invalidParameter('tagKeys should not be null or empty.', 'tagKeys');
  const removed = new Set(keys.map((k, i) => optionalString(k, `tagKeys[${i}]`)));
  resource.replace(resource.tags.filter((t) => !removed.has(t.key)));
  return {};
}

export function listTagsForResource(ctx: SimContext, input: { resourceArn: string }): { tags: Tag[] } {
  const request = requireObject(input, 'request');
  return { tags: taggedResource(ctx, request.resourceArn).tags.map((t) => ({ ...t })) };
}
