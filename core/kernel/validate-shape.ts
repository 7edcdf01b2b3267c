import type { ApiModel, Shape } from './api-model.js';
import { fail, rejectUnknownFields } from './fields.js';

/**
 * Checks a request against its shape in an API model, as the service checks it before acting: every member
 * known (else the closest name is suggested), required members present, each value of its type, enum values,
 * ranges and lengths. Pure; throws InvalidParameterException naming the member, in the words the engine's own
 * field checks use (fields.ts), so a value fails alike whichever check sees it first.
 */
export function validateShape(model: ApiModel, shapeName: string, value: unknown, path: string): void {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure':
    case 'union':
      return validateStructure(model, shape, value, path);
    case 'list':
      return validateList(model, shape, value, path);
    case 'map':
      return validateMap(model, shape, value, path);
    case 'enum':
      if (typeof value !== 'string' || !shape.values!.includes(value)) {
        fail('InvalidParameterException', path, `${path} must be one of ${shape.values!.join(', ')} (got ${JSON.stringify(value)}).`);
      }
      return;
    case 'string':
    case 'blob':
      if (typeof value !== 'string') fail('InvalidParameterException', path, `${path} must be a string.`);
      return checkLength(shape, value.length, path, 'characters');
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail('InvalidParameterException', path, `${path} must be an integer.`);
      return checkRange(shape, value, path);
    case 'double':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('InvalidParameterException', path, `${path} must be a number.`);
      return checkRange(shape, value, path);
    case 'boolean':
      if (typeof value !== 'boolean') fail('InvalidParameterException', path, `${path} must be true or false.`);
      return;
    case 'timestamp':
      // Epoch seconds on the wire, as the SDKs and the CLI send them.
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('InvalidParameterException', path, `${path} must be a time in epoch seconds.`);
      return;
    case 'document':
      return;
  }
}

const member = (path: string, name: string) => (path ? `${path}.${name}` : name);

function validateStructure(model: ApiModel, shape: Shape, value: unknown, path: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('InvalidParameterException', path || 'request', `${path || 'request'} must be an object.`);
  const request = value as Record<string, unknown>;
  const members = shape.members!;
  rejectUnknownFields(request, path, Object.keys(members));
  for (const name of shape.required ?? []) {
    if (request[name] === undefined) fail('InvalidParameterException', member(path, name), `${member(path, name)} should not be null or empty.`);
  }
  let set = 0;
  for (const name in request) {
    if (request[name] === undefined) continue;
    set++;
    validateShape(model, members[name], request[name], member(path, name));
  }
  if (shape.type === 'union' && set !== 1) {
    fail('InvalidParameterException', path, `${path} must set exactly one of ${Object.keys(members).join(', ')}.`);
  }
}

function validateList(model: ApiModel, shape: Shape, value: unknown, path: string): void {
  if (!Array.isArray(value)) fail('InvalidParameterException', path, `${path} must be a list.`);
  if (shape.length?.max !== undefined && value.length > shape.length.max) {
    fail('InvalidParameterException', path, `${path} can have at most ${shape.length.max} items (got ${value.length}).`);
  }
  if (shape.length?.min !== undefined && value.length < shape.length.min) {
    fail('InvalidParameterException', path, `${path} needs at least ${shape.length.min} items (got ${value.length}).`);
  }
  // A hole in a list is not an item: a for...of would read it as undefined, and .map skip it.
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) fail('InvalidParameterException', `${path}[${i}]`, `${path}[${i}] is missing.`);
    validateShape(model, shape.member!, value[i], `${path}[${i}]`);
  }
}

function validateMap(model: ApiModel, shape: Shape, value: unknown, path: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('InvalidParameterException', path, `${path} must be an object.`);
  for (const [key, item] of Object.entries(value)) validateShape(model, shape.value!, item, `${path}.${key}`);
}

function checkRange(shape: Shape, value: number, path: string): void {
  if (shape.range?.min !== undefined && value < shape.range.min) fail('InvalidParameterException', path, `${path} must be at least ${shape.range.min} (got ${value}).`);
  if (shape.range?.max !== undefined && value > shape.range.max) fail('InvalidParameterException', path, `${path} must be at most ${shape.range.max} (got ${value}).`);
}

function checkLength(shape: Shape, length: number, path: string, unit: string): void {
  if (shape.length?.min !== undefined && length < shape.length.min) fail('InvalidParameterException', path, `${path} must have at least ${shape.length.min} ${unit}.`);
  if (shape.length?.max !== undefined && length > shape.length.max) fail('InvalidParameterException', path, `${path} can be at most ${shape.length.max} ${unit}.`);
}
