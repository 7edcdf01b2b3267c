import type { ApiModel } from '../kernel/api-model.js';

/**
 * What makes a member the simulator does not act on still round-trip as on AWS: the requests that created or
 * changed a resource are kept by the resource's ARN, and every answer that shows the resource gets back the
 * members it lacks, where the answer's shape has them (a service's `enableExecuteCommand`, a task
 * definition's `proxyConfiguration`, a container's `linuxParameters`). What the engine answers itself is
 * never overwritten.
 */

/** The member that names a resource in the shapes that describe one. */
const IDENTITY: Readonly<Record<string, string>> = {
  Cluster: 'clusterArn',
  Service: 'serviceArn',
  TaskDefinition: 'taskDefinitionArn',
  Task: 'taskArn',
  TaskSet: 'taskSetArn',
  CapacityProvider: 'capacityProviderArn',
  ContainerInstance: 'containerInstanceArn',
};

/**
 * Members the engine answers whole, as the revision in force has them: a rollback restores an earlier revision's,
 * which the last request's must not be merged into.
 */
const ANSWERED_WHOLE: ReadonlySet<string> = new Set(['Service.serviceRegistries']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** How to walk a shape that leads to a resource: its identity member, and the members or list item that lead on. */
interface Walk {
  identity?: string;
  listMember?: string;
  members: ReadonlyArray<readonly [name: string, shape: string]>;
}

/**
 * Per model, the shapes from which a resource shape can be reached (no other part of an answer is walked), each
 * with only the members that lead on: worked out once, since every answer is walked.
 */
const walksByModel = new WeakMap<ApiModel, ReadonlyMap<string, Walk>>();

function walksOf(model: ApiModel): ReadonlyMap<string, Walk> {
  const cached = walksByModel.get(model);
  if (cached) return cached;
  const leadsToResource = new Set<string>(Object.keys(IDENTITY));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, shape] of Object.entries(model.shapes)) {
      const children = shape.type === 'structure' ? Object.values(shape.members!) : shape.type === 'list' ? [shape.member!] : [];
      if (!leadsToResource.has(name) && children.some((child) => leadsToResource.has(child))) {
        leadsToResource.add(name);
        grew = true;
      }
    }
  }
  const walks = new Map<string, Walk>();
  for (const name of leadsToResource) {
    const shape = model.shapes[name];
    walks.set(name, {
      identity: IDENTITY[name],
      listMember: shape.type === 'list' ? shape.member : undefined,
      members: shape.type === 'structure' ? Object.entries(shape.members!).filter(([, target]) => leadsToResource.has(target)) : [],
    });
  }
  walksByModel.set(model, walks);
  return walks;
}

export class StoredMembers {
  private readonly byArn = new Map<string, Json>();
  private readonly walks: ReadonlyMap<string, Walk>;

  constructor(private readonly model: ApiModel) {
    this.walks = walksOf(model);
  }

  /** After a change: the resources the answer is about (not those nested in them) keep the request's members. */
  remember(request: unknown, outputShape: string, result: unknown): void {
    if (!isObject(request)) return;
    this.visit(outputShape, result, false, (arn) => this.byArn.set(arn, { ...this.byArn.get(arn), ...structuredClone(request) }));
  }

  /** Gives back, in `result`, what the requests about each resource it shows said and the engine did not answer. */
  fill(outputShape: string, result: unknown): void {
    if (this.byArn.size === 0) return;
    this.visit(outputShape, result, true, (arn, shape, view) => {
      const stored = this.byArn.get(arn);
      if (stored) this.fillStructure(shape, view, stored);
    });
  }

  private visit(shapeName: string, value: unknown, nested: boolean, found: (arn: string, shape: string, view: Json) => void): void {
    const walk = value === undefined ? undefined : this.walks.get(shapeName);
    if (!walk) return;
    if (walk.listMember !== undefined) {
      if (Array.isArray(value)) for (const item of value) this.visit(walk.listMember, item, nested, found);
      return;
    }
    if (!isObject(value)) return;
    const arn = walk.identity && value[walk.identity];
    if (typeof arn === 'string') {
      found(arn, shapeName, value);
      if (!nested) return;
    }
    for (const [name, target] of walk.members) this.visit(target, value[name], nested, found);
  }

  private fillStructure(shapeName: string, view: Json, stored: Json): void {
    const members = this.model.shapes[shapeName].members!;
    for (const [name, value] of Object.entries(stored)) {
      const target = members[name];
      // Tags change through TagResource and UntagResource, and ECS shows them only when asked (include TAGS).
      if (!target || value === undefined || name === 'tags' || ANSWERED_WHOLE.has(`${shapeName}.${name}`)) continue;
      if (view[name] === undefined) view[name] = structuredClone(value);
      else this.fillValue(target, view[name], value);
    }
  }

  /** Inside a member the engine answered: structures member by member, lists item by item. */
  private fillValue(shapeName: string, view: unknown, stored: unknown): void {
    const shape = this.model.shapes[shapeName];
    if (shape.type === 'structure' && isObject(view) && isObject(stored)) this.fillStructure(shapeName, view, stored);
    else if (shape.type === 'list' && Array.isArray(view) && Array.isArray(stored) && view.length === stored.length) {
      view.forEach((item, i) => this.fillValue(shape.member!, item, stored[i]));
    }
  }
}
