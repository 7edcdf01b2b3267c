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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

export class StoredMembers {
  private readonly byArn = new Map<string, Json>();
  /** Shapes from which a resource shape can be reached: no other part of an answer is walked. */
  private readonly leadsToResource = new Set<string>(Object.keys(IDENTITY));

  constructor(private readonly model: ApiModel) {
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, shape] of Object.entries(model.shapes)) {
        const children = shape.type === 'structure' ? Object.values(shape.members!) : shape.type === 'list' ? [shape.member!] : [];
        if (!this.leadsToResource.has(name) && children.some((child) => this.leadsToResource.has(child))) {
          this.leadsToResource.add(name);
          grew = true;
        }
      }
    }
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
    if (value === undefined || !this.leadsToResource.has(shapeName)) return;
    const shape = this.model.shapes[shapeName];
    if (shape.type === 'list' && Array.isArray(value)) {
      for (const item of value) this.visit(shape.member!, item, nested, found);
      return;
    }
    if (shape.type !== 'structure' || !isObject(value)) return;
    const identity = IDENTITY[shapeName];
    const arn = identity && value[identity];
    if (typeof arn === 'string') {
      found(arn, shapeName, value);
      if (!nested) return;
    }
    for (const [name, target] of Object.entries(shape.members!)) this.visit(target, value[name], nested, found);
  }

  private fillStructure(shapeName: string, view: Json, stored: Json): void {
    const members = this.model.shapes[shapeName].members!;
    for (const [name, value] of Object.entries(stored)) {
      const target = members[name];
      // Tags change through TagResource and UntagResource, and ECS shows them only when asked (include TAGS).
      if (!target || value === undefined || name === 'tags') continue;
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
