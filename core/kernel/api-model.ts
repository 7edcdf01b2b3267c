/**
 * An AWS API as data, as core/shell/tools/refresh-ecs-api-model.mjs derives it from AWS's models: each operation's
 * input and output shapes, and every shape with its members and constraints.
 */

export type ShapeType = 'structure' | 'union' | 'list' | 'map' | 'enum' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'document' | 'blob';

export interface Shape {
  type: ShapeType;
  /** structure and union: member name -> shape name, in the model's order. */
  members?: Record<string, string>;
  required?: string[];
  /** list */
  member?: string;
  /** map */
  key?: string;
  value?: string;
  /** enum */
  values?: string[];
  /** Numbers: the smallest and largest value. */
  range?: { min?: number; max?: number };
  /** Strings, lists and maps: the fewest and most characters or items. */
  length?: { min?: number; max?: number };
}

export interface OperationModel {
  input: string;
  output: string;
  /** Only reads: nothing to journal, and a runUntil may repeat it. */
  readonly: boolean;
  /** The list member a page holds and the request members that ask for a page, for list operations. */
  paginated?: { inputToken?: string; outputToken?: string; items?: string; pageSize?: string };
  errors: string[];
}

export interface ApiModel<Operation extends string = string> {
  /** The SDK and the model files it was made from (where each came from), and the JSON protocol's target prefix. */
  metadata: { sdk: string; models: string[]; targetPrefix: string };
  operations: Record<Operation, OperationModel>;
  /** Every exception the service answers with. */
  exceptions: string[];
  shapes: Record<string, Shape>;
}
