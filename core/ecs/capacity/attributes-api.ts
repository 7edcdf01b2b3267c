import type { SimContext } from '../../kernel/context.js';
import { EcsError, invalidParameter } from '../../kernel/errors.js';
import { optionalArray, optionalString, requireObject, requireString } from '../../kernel/fields.js';
import { ATTRIBUTE_NAME_PATTERN } from '../placement/query-language/subjects.js';
import { findContainerInstance, resolveCluster } from '../model/resolve.js';
import type { ClusterRecord, InstanceRecord } from '../model/state.js';
import type { Attribute } from '../model/types.js';

/**
 * Custom attributes of container instances (PutAttributes, DeleteAttributes, ListAttributes): what
 * memberOf(attribute:...) constraints and attribute placement strategies read. The agent's own (ecs.*)
 * are listed too, and cannot be changed.
 */

/** ECS: at most 10 custom attributes on one resource, and 10 in one call. */
const MAX_CUSTOM_ATTRIBUTES = 10;
const VALUE_PATTERN = /^[A-Za-z0-9_./\\@: -]{1,128}$/;

interface Change {
  instance: InstanceRecord;
  name: string;
  value?: string;
  targetId: string;
}

function readChanges(cluster: ClusterRecord, input: unknown, needsValue: boolean): Change[] {
  const list = optionalArray(input, 'attributes', MAX_CUSTOM_ATTRIBUTES);
  if (!list || list.length === 0) throw invalidParameter('attributes should not be null or empty.', 'attributes');
  return list.map((item, i) => {
    const at = `attributes[${i}]`;
    const raw = requireObject(item, at);
    const name = requireString(raw.name, `${at}.name`);
    if (!ATTRIBUTE_NAME_PATTERN.test(name)) throw invalidParameter(`${at}.name can have up to 128 letters, numbers, hyphens, underscores, periods, slashes or backslashes.`, `${at}.name`);
    if (name.startsWith('ecs.')) throw invalidParameter(`${at}.name: attributes whose name starts with "ecs." are reserved for Amazon ECS.`, `${at}.name`);
    const value = optionalString(raw.value, `${at}.value`);
    if (needsValue && value !== undefined && !VALUE_PATTERN.test(value)) {
      throw invalidParameter(`${at}.value can have up to 128 letters, numbers, hyphens, underscores, periods, at signs, slashes, backslashes, colons or spaces.`, `${at}.value`);
    }
    const targetId = requireString(raw.targetId, `${at}.targetId`);
    const instance = findContainerInstance(cluster, targetId);
    if (!instance || instance.status === 'INACTIVE') throw new EcsError('TargetNotFoundException', `The specified target ${targetId} could not be found. You can view your available container instances with ListContainerInstances.`, `${at}.targetId`);
    return { instance, name, value, targetId };
  });
}

/** Placement caches an instance's attributes by their list: a change gives the instance a new list. */
function replaceAttributes(instance: InstanceRecord, attributes: Attribute[]): void {
  instance.attributes = attributes;
}

export function putAttributes(ctx: SimContext, input: { cluster?: string; attributes: Attribute[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const changes = readChanges(cluster, request.attributes, true);
  for (const instance of new Set(changes.map((c) => c.instance))) {
    const mine = changes.filter((c) => c.instance === instance);
    const kept = instance.attributes.filter((a) => !mine.some((c) => c.name === a.name));
    const custom = kept.filter((a) => !a.name.startsWith('ecs.')).length + mine.length;
    if (custom > MAX_CUSTOM_ATTRIBUTES) {
      throw new EcsError('AttributeLimitExceededException', `You can apply up to ${MAX_CUSTOM_ATTRIBUTES} custom attributes per resource.`, 'attributes');
    }
  }
  for (const change of changes) {
    const others = change.instance.attributes.filter((a) => a.name !== change.name);
    replaceAttributes(change.instance, [...others, change.value === undefined ? { name: change.name } : { name: change.name, value: change.value }]);
  }
  return { attributes: changes.map(({ name, value, targetId }) => ({ name, ...(value === undefined ? {} : { value }), targetType: 'container-instance', targetId })) };
}

export function deleteAttributes(ctx: SimContext, input: { cluster?: string; attributes: Attribute[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const changes = readChanges(cluster, request.attributes, false);
  const deleted = changes.map((change) => {
    const found = change.instance.attributes.find((a) => a.name === change.name);
    if (!found) throw new EcsError('TargetNotFoundException', `The attribute ${change.name} was not found on ${change.targetId}.`, 'attributes');
    replaceAttributes(change.instance, change.instance.attributes.filter((a) => a !== found));
    return { name: change.name, ...(found.value === undefined ? {} : { value: found.value }), targetType: 'container-instance', targetId: change.targetId };
  });
  return { attributes: deleted };
}

/** The attributes of the cluster's container instances, the agent's and custom ones, by name and value if asked. */
export function listAttributes(ctx: SimContext, input: { cluster?: string; targetType: 'container-instance'; attributeName?: string; attributeValue?: string }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const name = optionalString(request.attributeName, 'attributeName');
  const value = optionalString(request.attributeValue, 'attributeValue');
  if (value !== undefined && name === undefined) throw invalidParameter('attributeValue can only be given with attributeName.', 'attributeValue');
  const attributes = [...cluster.instances.values()]
    .filter((instance) => instance.status !== 'INACTIVE')
    .flatMap((instance) =>
      instance.attributes
        .filter((a) => (name === undefined || a.name === name) && (value === undefined || a.value === value))
        .map((a) => ({ name: a.name, ...(a.value === undefined ? {} : { value: a.value }), targetType: 'container-instance', targetId: instance.arn })),
    );
  return { attributes };
}
