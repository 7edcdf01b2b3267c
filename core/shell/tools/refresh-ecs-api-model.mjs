#!/usr/bin/env node
// Regenerates core/ecs/api-model/ecs-api-model.ts, the ECS API as data, from AWS's own models:
//   - the schemas that the pinned @aws-sdk/client-ecs ships: which operations exist, each request's and
//     response's members, their kinds (structure, list, map, string, number...) and the required members;
//   - AWS's Smithy JSON model of ECS (aws/api-models-aws, models/ecs/service/2014-11-13/ecs-2014-11-13.json):
//     the number types, enum values, ranges and lengths, which operations only read, pagination and errors.
// The SDK decides what exists (it is what clients send); the Smithy model adds the constraints it knows.
//
//   node core/shell/tools/refresh-ecs-api-model.mjs [path or URL of the Smithy model] [where it came from, for the record]
//
// Both sources are Apache-2.0; their licence is core/ecs/api-model/LICENSE.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEFAULT_SMITHY_URL = 'https://raw.githubusercontent.com/aws/api-models-aws/main/models/ecs/service/2014-11-13/ecs-2014-11-13.json';
const OUT = new URL('../../ecs/api-model/ecs-api-model.ts', import.meta.url);

const require = createRequire(import.meta.url);
const sdk = require('@aws-sdk/client-ecs');
const sdkVersion = require('@aws-sdk/client-ecs/package.json').version;

async function loadSmithy(source) {
  if (/^https?:/.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readFileSync(source, 'utf8'));
}

const smithySource = process.argv[2] ?? DEFAULT_SMITHY_URL;
const smithy = await loadSmithy(smithySource);
const NS = 'com.amazonaws.ecs#';
const smithyShape = (name) => smithy.shapes[NS + name];
const local = (id) => id.slice(id.indexOf('#') + 1);

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
    shapes[name] ??= { type: 'list', member: smithyTarget ? smithyMemberTarget(smithyShape(name)?.member?.target, item) : item };
    return name;
  }
  if (code & MAP_BIT) {
    const value = simpleTarget(code & ~MAP_BIT);
    const name = smithyTarget ? local(smithyTarget) : `${value}Map`;
    shapes[name] ??= { type: 'map', key: 'String', value: smithyTarget ? smithyMemberTarget(smithyShape(name)?.value?.target, value) : value };
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

const service = Object.values(smithy.shapes).find((s) => s.type === 'service');
const operations = {};
for (const [exported, schema] of Object.entries(sdk).sort(([a], [b]) => a.localeCompare(b))) {
  if (!exported.endsWith('$') || !Array.isArray(schema) || schema[0] !== 9) continue;
  const name = schema[2];
  const twin = smithyShape(name);
  const paginated = twin?.traits?.['smithy.api#paginated'];
  operations[name] = {
    input: namedShape(schema[4]()),
    output: namedShape(schema[5]()),
    // Operations AWS's Smithy model does not have yet: read-only by their name, as AWS names its reads.
    readonly: twin ? Boolean(twin.traits?.['smithy.api#readonly']) : /^(Describe|List|Get|Discover)/.test(name),
    ...(paginated ? { paginated: { ...service.traits?.['smithy.api#paginated'], ...paginated } } : {}),
    errors: (twin?.errors ?? []).map((e) => local(e.target)),
  };
}

// The exceptions ECS answers with, for the operations AWS's Smithy model does not list errors of yet.
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
  smithy: process.argv[3] ?? smithySource,
  targetPrefix: local(Object.keys(smithy.shapes).find((id) => smithy.shapes[id] === service)),
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
