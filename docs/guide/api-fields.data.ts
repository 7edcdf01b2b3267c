import { ECS_API_MODEL } from '../../core/ecs/api-model/ecs-api-model.js';
import { ECS_OPERATIONS } from '../../core/sim/ecs-operations.js';

/** One request member of an ECS operation, for docs/guide/api-fields.md. */
export interface ApiField {
  name: string;
  /** The model's shape name, and its enum values when it has a few. */
  type: string;
  required: boolean;
  simulated: boolean;
}

export interface ApiOperation {
  name: string;
  readonly: boolean;
  fields: ApiField[];
}

function typeOf(shapeName: string): string {
  const shape = ECS_API_MODEL.shapes[shapeName];
  if (shape.type === 'enum' && shape.values!.length <= 6) return shape.values!.join(' | ');
  if (shape.type === 'list') return `list of ${typeOf(shape.member!)}`;
  return ['structure', 'union', 'map'].includes(shape.type) ? shapeName : shape.type;
}

/** Every ECS operation and its request members, from the operation table and AWS's model, when the site is built. */
export default {
  watch: ['../../core/sim/ecs-operations.ts', '../../core/ecs/api-model/ecs-api-model.ts'],
  load(): ApiOperation[] {
    return Object.entries(ECS_API_MODEL.operations).map(([name, operation]) => {
      const input = ECS_API_MODEL.shapes[operation.input];
      const simulated: readonly string[] = ECS_OPERATIONS[name as keyof typeof ECS_OPERATIONS]?.simulated ?? [];
      return {
        name,
        readonly: operation.readonly,
        fields: Object.entries(input.members!).map(([member, target]) => ({
          name: member,
          type: typeOf(target),
          required: input.required?.includes(member) ?? false,
          simulated: simulated.includes(member),
        })),
      };
    });
  },
};
