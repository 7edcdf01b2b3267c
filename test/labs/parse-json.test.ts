import { describe, expect, it } from 'vitest';
import { parseJson } from '../../labs/lab-kit/parse-json.js';

function errorOf(text: string) {
  const parsed = parseJson(text);
  if (parsed.ok) throw new Error('expected a syntax error');
  return parsed.error;
}

describe('broken JSON is reported with its line and column', () => {
  it('points at the end of the line that lacks a comma', () => {
    const text = ['{', '  "serviceName": "web",', '  "desiredCount": 6', '  "taskDefinition": "web:1"', '}'].join('\n');
    expect(errorOf(text)).toEqual({ line: 3, column: 20, message: expect.stringMatching(/Missing ',' after the value of "desiredCount"/) });
  });

  it('points at a trailing comma', () => {
    const text = ['{', '  "deploymentConfiguration": {', '    "maximumPercent": 134,', '  }', '}'].join('\n');
    expect(errorOf(text)).toMatchObject({ line: 3, column: 26, message: expect.stringContaining('comma before "}"') });
  });

  it('explains single quotes, comments and bare words', () => {
    expect(errorOf("{ 'serviceName': 1 }")).toMatchObject({ line: 1, column: 3, message: expect.stringContaining('double quotes') });
    expect(errorOf('{\n  // the service\n  "a": 1 }')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('comments') });
    expect(errorOf('{ "serviceName": web }')).toMatchObject({ line: 1, column: 18, message: expect.stringContaining('"web"') });
  });

  it('points at a string that is never closed, and at the end of an empty file', () => {
    expect(errorOf('{\n  "serviceName": "web\n}')).toMatchObject({ line: 2, column: 18 });
    expect(errorOf('')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('end of the file') });
  });

  it('points at a property written twice', () => {
    expect(errorOf('{\n  "desiredCount": 6,\n  "desiredCount": 4\n}')).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('twice') });
  });
});

describe('valid JSON', () => {
  it('gives the same value as JSON.parse', () => {
    const text = '{ "a": [1, -2.5e3, true, null, "x\\n\\u00e9"], "b": { "c": {} }, "d": [] }';
    const parsed = parseJson(text);
    expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
  });

  it('remembers where each property and list item starts, named as ECS names fields', () => {
    const text = ['{', '  "deploymentConfiguration": {', '    "maximumPercent": 134', '  },', '  "placementStrategy": [', '    { "type": "spread" }', '  ]', '}'].join('\n');
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.positions.get('deploymentConfiguration.maximumPercent')).toEqual({ line: 3, column: 5 });
    expect(parsed.positions.get('placementStrategy[0]')).toEqual({ line: 6, column: 5 });
    expect(parsed.positions.get('placementStrategy[0].type')).toEqual({ line: 6, column: 7 });
  });
});
