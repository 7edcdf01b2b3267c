import type { ApiModel } from '../../core/kernel/api-model.js';
import { ECS_API_MODEL } from '../../core/ecs/api-model/ecs-api-model.js';

/**
 * A value of a shape that the model's own checks accept: required members only (`every: false`), or every
 * member the model has, nested as deep as the shapes go (a recursive shape stops at its second visit).
 */
export function sampleOf(shapeName: string, every: boolean, model: ApiModel = ECS_API_MODEL, path: string[] = []): unknown {
  const shape = model.shapes[shapeName];
  const inner = (name: string) => sampleOf(name, every, model, [...path, shapeName]);
  switch (shape.type) {
    case 'structure': {
      const members = Object.entries(shape.members!).filter(([name, target]) => shape.required?.includes(name) || (every && !path.includes(target)));
      return Object.fromEntries(members.map(([name, target]) => [name, inner(target)]));
    }
    case 'union': {
      const [name, target] = Object.entries(shape.members!)[0];
      return { [name]: inner(target) };
    }
    case 'list':
      return (shape.length?.max ?? 1) === 0 ? [] : [inner(shape.member!)];
    case 'map':
      return { key: inner(shape.value!) };
    case 'enum':
      return shape.values![0];
    case 'string':
    case 'blob':
      return 'x'.repeat(Math.max(1, shape.length?.min ?? 1));
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return shape.range?.min ?? 1;
    case 'boolean':
      return true;
    case 'timestamp':
      return 1767603600;
    case 'document':
      return {};
  }
}

/** An operation's request with every member the model has. */
export const fullRequest = (operation: keyof typeof ECS_API_MODEL.operations) => sampleOf(ECS_API_MODEL.operations[operation].input, true) as Record<string, unknown>;

/** An operation's request with only its required members. */
export const minimalRequest = (operation: keyof typeof ECS_API_MODEL.operations) => sampleOf(ECS_API_MODEL.operations[operation].input, false) as Record<string, unknown>;
