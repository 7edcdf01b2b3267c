#!/usr/bin/env node
// Regenerates core/ecs/api-model/ecs-api-model.ts, the ECS API as data, from AWS's own models:
//   - the pinned @aws-sdk/client-ecs: its schemas say which operations exist, each request's and response's
//     members, their kinds (structure, list, map, string, number...) and the required members; its type
//     declarations say which members are enums (with the values it exports) and which exceptions each
//     operation answers with. The SDK is what clients send, and the newest model at hand.
//   - AWS's models of ECS as files, in the order given, the first that has a shape giving its constraints:
//     the Smithy JSON model (aws/api-models-aws, models/ecs/service/2014-11-13/ecs-2014-11-13.json) or the
//     JSON model botocore and the AWS CLI ship (botocore/data/ecs/2014-11-13/service-2.json). They add the
//     number types, ranges and lengths, the enum values the SDK does not list, and, from a Smithy model,
//     which operations only read and how the list operations page.
//
//   node core/shell/tools/refresh-ecs-api-model.mjs [--model <path or URL> --source "<where it came from>"]...
//
// Without --model it reads the Smithy model of aws/api-models-aws and botocore's model from GitHub, in that
// order; give local copies with --model (and say with --source where each came from, for the record in the
// generated file). All these sources are Apache-2.0; their licence is core/ecs/api-model/LICENSE.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const DEFAULT_MODELS = [
  'https://raw.githubusercontent.com/aws/api-models-aws/main/models/ecs/service/2014-11-13/ecs-2014-11-13.json',
  'https://raw.githubusercontent.com/boto/botocore/develop/botocore/data/ecs/2014-11-13/service-2.json',
];
const OUT = new URL('../../ecs/api-model/ecs-api-model.ts', import.meta.url);

const require = createRequire(import.meta.url);
const sdk = require('@aws-sdk/client-ecs');
const sdkVersion = require('@aws-sdk/client-ecs/package.json').version;
const sdkTypes = join(dirname(require.resolve('@aws-sdk/client-ecs/package.json')), 'dist-types');

async function loadJson(source) {
  if (/^https?:/.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readFileSync(source, 'utf8'));
}

const { values: args } = parseArgs({ options: { model: { type: 'string', multiple: true }, source: { type: 'string', multiple: true } } });
const modelPaths = args.model ?? DEFAULT_MODELS;
const models = await Promise.all(modelPaths.map(loadJson));
const NS = 'com.amazonaws.ecs#';
const local = (id) => id.slice(id.indexOf('#') + 1);

/** A botocore JSON model's shapes in the Smithy JSON model's form, for what the script reads of them. */
function smithyShapesOfBotocore(model) {
  const target = (ref) => ({ target: NS + ref.shape });
  const bounds = (shape) => ({ ...(shape.min !== undefined ? { min: shape.min } : {}), ...(shape.max !== undefined ? { max: shape.max } : {}) });
  const traitOf = (name, shape) => (Object.keys(bounds(shape)).length > 0 ? { [name]: bounds(shape) } : {});
  const shapes = {};
  for (const [name, shape] of Object.entries(model.shapes)) {
    const length = traitOf('smithy.api#length', shape);
    let converted;
    if (shape.type === 'structure') {
      converted = { type: shape.union ? 'union' : 'structure', members: Object.fromEntries(Object.entries(shape.members).map(([m, ref]) => [m, target(ref)])) };
    } else if (shape.type === 'list') converted = { type: 'list', member: target(shape.member), traits: length };
    else if (shape.type === 'map') converted = { type: 'map', key: target(shape.key), value: target(shape.value), traits: length };
    else if (shape.type === 'string' && shape.enum) {
      converted = { type: 'enum', members: Object.fromEntries(shape.enum.map((v) => [v, { traits: { 'smithy.api#enumValue': v } }])) };
    } else if (shape.type === 'string') converted = { type: 'string', traits: length };
    else if (['integer', 'long', 'float', 'double'].includes(shape.type)) converted = { type: shape.type, traits: traitOf('smithy.api#range', shape) };
    else converted = { type: shape.type };
    shapes[NS + name] = converted;
  }
  return shapes;
}

const isSmithy = (model) => model.smithy !== undefined;
// The first model that has a shape gives it; a Smithy model's operations, service and traits come with it.
const allShapes = Object.assign({}, ...models.map((m) => (isSmithy(m) ? m.shapes : smithyShapesOfBotocore(m))).reverse());
const smithyShape = (name) => allShapes[NS + name];

// @smithy/core schema sentinels: the kinds a member of no named shape can have.
const SIMPLE = { 0: 'String', 1: 'Number', 2: 'Boolean', 4: 'Timestamp', 5: 'Timestamp', 6: 'Timestamp', 7: 'Timestamp', 15: 'Document', 21: 'Blob' };
const LIST_BIT = 64;
const MAP_BIT = 128;
const KIND = { 1: 'list', 2: 'map', 3: 'structure', 4: 'union', [-3]: 'structure' };

const shapes = {};

/** Constraints the Smithy model puts on a shape (or a member): range, length, enum values, default. */
function constraintsOf(traits = {}) {
  const out = {};
  if (traits['smithy.api#range']) out.range = traits['smithy.api#range'];
  if (traits['smithy.api#length']) out.length = traits['smithy.api#length'];
  return out;
}

/** A simple (unnamed) member kind, sharpened by the Smithy model's target for that member when it knows it. */
function simpleTarget(code, smithyTarget) {
  if (code & LIST_BIT) {
    const item = simpleTarget(code & ~LIST_BIT);
    const name = smithyTarget ? local(smithyTarget) : `${item}List`;
    shapes[name] ??= { type: 'list', member: smithyTarget ? smithyMemberTarget(smithyShape(name)?.member?.target, item) : item, ...constraintsOf(smithyShape(name)?.traits) };
    return name;
  }
  if (code & MAP_BIT) {
    const value = simpleTarget(code & ~MAP_BIT);
    const name = smithyTarget ? local(smithyTarget) : `${value}Map`;
    shapes[name] ??= { type: 'map', key: 'String', value: smithyTarget ? smithyMemberTarget(smithyShape(name)?.value?.target, value) : value, ...constraintsOf(smithyShape(name)?.traits) };
    return name;
  }
  const kind = SIMPLE[code];
  if (!kind) throw new Error(`unknown schema sentinel ${code}`);
  return smithyTarget ? smithyMemberTarget(smithyTarget, kind) : ensurePrimitive(kind);
}

function ensurePrimitive(kind) {
  const type = { String: 'string', Number: 'double', Boolean: 'boolean', Timestamp: 'timestamp', Document: 'document', Blob: 'blob' }[kind];
  shapes[kind] ??= { type };
  return kind;
}

/** A Smithy simple shape (string, integer, enum...) by id, copied with its constraints. */
function smithyMemberTarget(id, fallback) {
  if (!id) return ensurePrimitive(fallback);
  if (id.startsWith('smithy.api#')) {
    const name = local(id);
    shapes[name] ??= { type: name.toLowerCase().replace('primitive', '') };
    return name;
  }
  const name = local(id);
  const shape = smithyShape(name);
  if (!shape) return ensurePrimitive(fallback);
  if (shapes[name]) return name;
  if (shape.type === 'enum') {
    shapes[name] = { type: 'enum', values: Object.values(shape.members).map((m) => m.traits['smithy.api#enumValue']) };
  } else if (shape.type === 'list') {
    shapes[name] = { type: 'list', member: smithyMemberTarget(shape.member.target, fallback), ...constraintsOf(shape.traits) };
  } else if (shape.type === 'map') {
    shapes[name] = { type: 'map', key: 'String', value: smithyMemberTarget(shape.value.target, fallback), ...constraintsOf(shape.traits) };
  } else {
    shapes[name] = { type: shape.type, ...constraintsOf(shape.traits) };
  }
  return name;
}

/** A named SDK schema (structure, union, list, map), with what the Smithy shape of the same name adds. */
function namedShape(schema) {
  const [kindCode, , name] = schema;
  if (shapes[name]) return name;
  // A named simple shape (SensitiveString): the simple kind it wraps.
  if (kindCode === 0) return simpleTarget(schema[4], smithyShape(name) ? NS + name : undefined);
  const kind = KIND[kindCode];
  const twin = smithyShape(name);
  if (kind === 'list') {
    shapes[name] = { type: 'list', member: 'pending' };
    shapes[name].member = memberTarget(schema[4], twin?.member?.target);
    Object.assign(shapes[name], constraintsOf(twin?.traits));
    return name;
  }
  if (kind === 'map') {
    shapes[name] = { type: 'map', key: 'String', value: 'pending' };
    shapes[name].value = memberTarget(schema[5], twin?.value?.target);
    Object.assign(shapes[name], constraintsOf(twin?.traits));
    return name;
  }
  const [, , , , names, members, requiredCount = 0] = schema;
  const shape = { type: kind, members: {} };
  shapes[name] = shape;
  names.forEach((member, i) => {
    shape.members[member] = memberTarget(members[i], twin?.members?.[member]?.target);
  });
  const required = names.slice(0, requiredCount);
  if (required.length > 0) shape.required = required;
  return name;
}

function memberTarget(schema, smithyTarget) {
  // A member with traits of its own is [schema, traits]; a named schema has its name third.
  const plain = Array.isArray(schema) && typeof schema[2] !== 'string' ? schema[0] : schema;
  if (typeof plain === 'function') return namedShape(plain());
  if (typeof plain === 'number') return simpleTarget(plain, smithyTarget);
  if (Array.isArray(plain)) return namedShape(plain);
  throw new Error(`unexpected member schema ${JSON.stringify(plain)}`);
}

const serviceId = Object.keys(allShapes).find((id) => allShapes[id].type === 'service');
const service = serviceId ? allShapes[serviceId] : {};
const targetPrefix = serviceId ? local(serviceId) : models.find((m) => !isSmithy(m))?.metadata.targetPrefix;
const throwsOf = (operation) =>
  [...readFileSync(join(sdkTypes, 'commands', `${operation}Command.d.ts`), 'utf8').matchAll(/@throws \{@link (\w+)\}/g)]
    .map((m) => m[1])
    // The SDK's base class of its exceptions, no answer of ECS's.
    .filter((name) => name !== 'ECSServiceException')
    .sort();
const operations = {};
for (const [exported, schema] of Object.entries(sdk).sort(([a], [b]) => a.localeCompare(b))) {
  if (!exported.endsWith('$') || !Array.isArray(schema) || schema[0] !== 9) continue;
  const name = schema[2];
  const twin = smithyShape(name);
  const paginated = twin?.traits?.['smithy.api#paginated'];
  operations[name] = {
    input: namedShape(schema[4]()),
    output: namedShape(schema[5]()),
    // Operations no Smithy model at hand has: read-only by their name, as AWS names its reads.
    readonly: twin ? Boolean(twin.traits?.['smithy.api#readonly']) : /^(Describe|List|Get|Discover)/.test(name),
    ...(paginated ? { paginated: { ...service.traits?.['smithy.api#paginated'], ...paginated } } : {}),
    errors: throwsOf(name),
  };
}

/**
 * The enum each member of a structure or union is declared with in the SDK's types, as `E`, `E[]` or
 * `Record<string, E>`: Struct -> member -> { name, container }. A union is a namespace of `XMember` interfaces.
 */
function declaredEnums() {
  const isEnum = (name) => sdk[name] !== null && typeof sdk[name] === 'object' && !Array.isArray(sdk[name]) && Object.values(sdk[name]).every((v) => typeof v === 'string');
  const enumOf = (type) => {
    const parts = ts.isUnionTypeNode(type) ? type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword) : [type];
    if (parts.length !== 1) return undefined;
    const [part] = parts;
    const reference = (t) => (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) ? t : undefined);
    if (ts.isArrayTypeNode(part) && reference(part.elementType) && isEnum(part.elementType.typeName.text)) return { name: part.elementType.typeName.text, container: 'list' };
    const ref = reference(part);
    if (!ref) return undefined;
    if (ref.typeName.text === 'Record' && ref.typeArguments?.length === 2 && reference(ref.typeArguments[1]) && isEnum(ref.typeArguments[1].typeName.text)) {
      return { name: ref.typeArguments[1].typeName.text, container: 'map' };
    }
    return isEnum(ref.typeName.text) ? { name: ref.typeName.text, container: 'value' } : undefined;
  };
  const found = {};
  const collect = (owner, members) => {
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
      const declared = enumOf(member.type);
      if (declared) (found[owner] ??= {})[member.name.text] = declared;
    }
  };
  for (const file of ['models_0.d.ts', 'models_1.d.ts']) {
    const source = ts.createSourceFile(file, readFileSync(join(sdkTypes, 'models', file), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) collect(statement.name.text, statement.members);
      if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
        for (const inner of statement.body.statements) {
          if (ts.isInterfaceDeclaration(inner) && inner.name.text.endsWith('Member') && inner.name.text !== '$UnknownMember') collect(statement.name.text, inner.members);
        }
      }
    }
  }
  return found;
}

/** An enum shape with the values the SDK exports added after the model's (the SDK's model is the newer). */
function ensureEnum(name) {
  const values = Object.values(sdk[name]);
  if (!shapes[name]) shapes[name] = { type: 'enum', values };
  if (shapes[name].type !== 'enum') return undefined;
  shapes[name].values.push(...values.filter((v) => !shapes[name].values.includes(v)));
  return name;
}

/** A list or map of an enum, keeping the length limits of the list or map it replaces. */
function containerOf(kind, item, replaced) {
  const name = `${item}${kind === 'list' ? 'List' : 'Map'}`;
  const shape = kind === 'list' ? { type: 'list', member: item } : { type: 'map', key: 'String', value: item };
  shapes[name] ??= { ...shape, ...(replaced.length ? { length: replaced.length } : {}) };
  return (shapes[name].member ?? shapes[name].value) === item ? name : undefined;
}

for (const [owner, members] of Object.entries(declaredEnums())) {
  const shape = shapes[owner];
  for (const [member, declared] of Object.entries(members)) {
    const current = shape?.members?.[member];
    if (!current) continue;
    const item = ensureEnum(declared.name);
    if (!item) continue;
    const held = shapes[current];
    if (declared.container === 'value' && held.type !== 'enum') shape.members[member] = item;
    if (declared.container === 'list' && held.type === 'list' && shapes[held.member].type !== 'enum') shape.members[member] = containerOf('list', item, held) ?? current;
    if (declared.container === 'map' && held.type === 'map' && shapes[held.value].type !== 'enum') shape.members[member] = containerOf('map', item, held) ?? current;
  }
}
for (const [name, shape] of Object.entries(shapes)) if (shape.type === 'enum' && sdk[name]) ensureEnum(name);

// Every exception ECS answers with.
const exceptions = Object.values(sdk)
  .filter((schema) => Array.isArray(schema) && schema[0] === -3)
  .map((schema) => schema[2])
  // The SDK's base class of its exceptions, no answer of ECS's.
  .filter((name) => name !== 'ECSServiceException')
  .sort();

const sortedShapes = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
const operationNames = Object.keys(operations);
const metadata = {
  sdk: `@aws-sdk/client-ecs ${sdkVersion}`,
  models: modelPaths.map((path, i) => args.source?.[i] ?? path),
  targetPrefix,
};

writeFileSync(
  OUT,
  `// Generated by core/shell/tools/refresh-ecs-api-model.mjs from AWS's models of Amazon ECS (Apache-2.0, see LICENSE
// beside this file): do not edit by hand, run the script.
import type { ApiModel } from '../../kernel/api-model.js';

export type EcsOperationName =\n${operationNames.map((n) => `  | '${n}'`).join('\n')};

export const ECS_API_MODEL: ApiModel<EcsOperationName> = ${JSON.stringify({ metadata, operations, exceptions, shapes: sortedShapes })};
`,
);
console.log(`${operationNames.length} operations, ${Object.keys(sortedShapes).length} shapes -> ${OUT.pathname}`);
